package dev.uniwizard.mesh.bench.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic conversation-like text: words drawn from a Zipf-distributed vocabulary (real technical words for the
 * frequent ranks, made-up words for the long tail), 8 to 120 words a message. Every corpus shares the vocabulary; the
 * same seed gives the same messages.
 */
final class TextCorpus {

    private static final String[] COMMON = ("the a to of and in is for on that it with this be as we deploy build test"
                    + " failed failing service house memory router gateway message error timeout retry commit branch"
                    + " review merge release config database query index search chain hash verify checkpoint summary"
                    + " conversation operator approval tool model prompt token latency throughput cluster node replica"
                    + " stream subject consumer publish subscribe schedule cron job alert health heartbeat metric"
                    + " dashboard log trace span error warning disk cpu network certificate key signature envelope"
                    + " archive document analysis implementation proof pipeline workspace repository issue pull"
                    + " request comment label milestone backlog migration schema table column transaction lock")
            .split(" ");

    private static final long VOCABULARY_SEED = 7;

    private static final char[] LETTERS = "abcdefghijklmnopqrstuvwxyz".toCharArray();

    private final List<String> vocabulary;
    private final double[] cumulative;
    private final Random random;

    TextCorpus(long seed, int vocabularySize) {
        this.random = new Random(seed);
        this.vocabulary = new ArrayList<>(vocabularySize);
        for (String word : COMMON) {
            vocabulary.add(word);
        }
        // the vocabulary is the same for every seed: only the messages drawn from it differ
        Random words = new Random(VOCABULARY_SEED);
        while (vocabulary.size() < vocabularySize) {
            vocabulary.add(madeUpWord(words));
        }
        this.cumulative = new double[vocabularySize];
        double sum = 0;
        for (int rank = 1; rank <= vocabularySize; rank++) {
            sum += 1.0 / rank;
            cumulative[rank - 1] = sum;
        }
        for (int i = 0; i < vocabularySize; i++) {
            cumulative[i] /= sum;
        }
    }

    /** One message's text. */
    String message() {
        int words = 8 + random.nextInt(113);
        StringBuilder text = new StringBuilder(words * 7);
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                text.append(i % 15 == 0 ? ". " : " ");
            }
            text.append(word());
        }
        return text.append('.').toString();
    }

    /** The word at a frequency rank (1 = most frequent). */
    String wordAtRank(int rank) {
        return vocabulary.get(rank - 1);
    }

    int vocabularySize() {
        return vocabulary.size();
    }

    private String word() {
        double u = random.nextDouble();
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < u) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return vocabulary.get(low);
    }

    private static String madeUpWord(Random random) {
        int length = 4 + random.nextInt(7);
        char[] word = new char[length];
        for (int i = 0; i < length; i++) {
            word[i] = LETTERS[random.nextInt(LETTERS.length)];
        }
        return new String(word);
    }
}
