package dev.uniwizard.mesh.memory.historian;

import dev.uniwizard.mesh.core.payload.StoredMessage;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A summary without a model: the {@link SummaryHeader} line, then the conversation's most telling sentences in the order
 * they were said, each prefixed by who said it ({@code - ezra: ...}).
 *
 * <p>A sentence scores by how often its content words occur across the whole conversation: words are runs of Unicode
 * letters and digits, lower-cased; words shorter than three characters (except in scripts written without spaces,
 * such as Chinese or Japanese) and a short list of English stop words do not count. Tool output counts half, so that a
 * long log does not crowd out what people said. Identical sentences are kept once, long ones are cut. Deterministic:
 * the same messages always give the same summary.
 */
public final class ExtractiveSummarizer {

    /** Longest sentence kept, in characters; longer ones are cut at a word boundary with "...". */
    static final int MAX_SENTENCE_CHARS = 300;

    static final double TOOL_WEIGHT = 0.5;

    private static final int MIN_WORD_CHARS = 3;

    private static final Set<String> STOP_WORDS = Set.of(
            "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our",
            "out", "has", "have", "this", "that", "with", "from", "they", "will", "would", "there", "their", "what",
            "about", "which", "when", "make", "like", "just", "into", "than", "then", "them", "these", "those", "some",
            "could", "been", "were", "said", "each", "she", "his", "him", "how", "its", "who", "did", "yes", "get",
            "got", "also", "may", "should", "your", "very", "only", "over", "such", "here", "where", "why", "does",
            "done", "okay", "thanks", "thank", "please", "sure", "let", "lets", "now", "too", "more", "most", "other",
            "because", "being", "both", "same", "own", "off", "again", "while", "after", "before", "under", "above",
            "don", "doesn", "didn", "isn", "wasn", "won", "yet", "still", "much", "many");

    private final int sentences;

    /** @param sentences how many sentences the summary keeps ({@code memory.historian.extractive-sentences}) */
    public ExtractiveSummarizer(int sentences) {
        if (sentences < 1) {
            throw new IllegalArgumentException(
                    "memory.historian.extractive-sentences must be at least 1, got " + sentences);
        }
        this.sentences = sentences;
    }

    /** The summary of these messages (in the order they were stored, at least one). */
    public String summarize(String conversationId, List<StoredMessage> messages) {
        String header = SummaryHeader.of(conversationId, messages);
        List<Sentence> all = sentencesOf(messages);
        Map<String, Double> frequency = new HashMap<>();
        for (Sentence sentence : all) {
            for (String word : sentence.words()) {
                frequency.merge(word, sentence.weight(), Double::sum);
            }
        }
        List<Sentence> scored = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Sentence sentence : all) {
            double score = score(sentence, frequency);
            if (score > 0 && seen.add(sentence.text().toLowerCase(Locale.ROOT))) {
                scored.add(sentence.withScore(score));
            }
        }
        List<Sentence> chosen = scored.stream()
                .sorted(Comparator.comparingDouble(Sentence::score).reversed().thenComparingInt(Sentence::position))
                .limit(sentences)
                .sorted(Comparator.comparingInt(Sentence::position))
                .toList();
        StringBuilder summary = new StringBuilder(header);
        for (Sentence sentence : chosen) {
            summary.append("\n- ").append(sentence.speaker()).append(": ").append(cut(sentence.text()));
        }
        return summary.toString();
    }

    /** The sum of the frequencies of a sentence's distinct content words over the root of their number, weighted. */
    private static double score(Sentence sentence, Map<String, Double> frequency) {
        Set<String> distinct = new LinkedHashSet<>(sentence.words());
        if (distinct.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (String word : distinct) {
            sum += frequency.getOrDefault(word, 0.0);
        }
        return sentence.weight() * sum / Math.sqrt(distinct.size());
    }

    private static List<Sentence> sentencesOf(List<StoredMessage> messages) {
        List<Sentence> out = new ArrayList<>();
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ROOT);
        for (StoredMessage message : messages) {
            if (message.content() == null) {
                continue;
            }
            String speaker = Speakers.of(message);
            double weight = "tool".equals(message.role()) ? TOOL_WEIGHT : 1.0;
            for (String line : message.content().split("\\R")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("```")) {
                    continue;
                }
                breaks.setText(trimmed);
                int start = breaks.first();
                for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
                    String text = trimmed.substring(start, end).strip().replaceAll("\\s+", " ");
                    if (!text.isEmpty()) {
                        out.add(new Sentence(out.size(), speaker, text, words(text), weight, 0));
                    }
                }
            }
        }
        return out;
    }

    /** The content words of a text: lower-case runs of letters and digits (with their combining marks). */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        int[] codePoints = lower.codePoints().toArray();
        for (int cp : codePoints) {
            if (Character.isLetterOrDigit(cp) || (!word.isEmpty() && isMark(cp))) {
                word.appendCodePoint(cp);
            } else {
                addWord(words, word);
            }
        }
        addWord(words, word);
        return words;
    }

    private static void addWord(List<String> words, StringBuilder word) {
        if (word.isEmpty()) {
            return;
        }
        String candidate = word.toString();
        word.setLength(0);
        if (STOP_WORDS.contains(candidate)) {
            return;
        }
        if (candidate.codePointCount(0, candidate.length()) >= MIN_WORD_CHARS || writtenWithoutSpaces(candidate)) {
            words.add(candidate);
        }
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Han, kana and Hangul: one or two characters already make a word. */
    private static boolean writtenWithoutSpaces(String word) {
        return word.codePoints().anyMatch(cp -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            return script == Character.UnicodeScript.HAN
                    || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA
                    || script == Character.UnicodeScript.HANGUL;
        });
    }

    /** Cuts a text to {@link #MAX_SENTENCE_CHARS} characters, at a space when there is one late enough. */
    static String cut(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_SENTENCE_CHARS) {
            return text;
        }
        int end = text.offsetByCodePoints(0, MAX_SENTENCE_CHARS - 3);
        int space = text.lastIndexOf(' ', end);
        if (space > end * 2 / 3) {
            end = space;
        }
        return text.substring(0, end).stripTrailing() + "...";
    }

    private record Sentence(
            int position, String speaker, String text, List<String> words, double weight, double score) {

        Sentence withScore(double newScore) {
            return new Sentence(position, speaker, text, words, weight, newScore);
        }
    }
}
