package dev.uniwizard.mesh.router.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MatchersTest {

    @Test
    void doubleStarMatchesAnyDepthAndSingleStarOneSegment() {
        Glob docs = Glob.of("docs/**");
        assertThat(docs.matches("docs/setup.md")).isTrue();
        assertThat(docs.matches("docs/api/v1/index.md")).isTrue();
        assertThat(docs.matches("src/docs/setup.md")).isFalse();
        assertThat(docs.matches("docsite/a.md")).isFalse();

        Glob oneLevel = Glob.of("src/*.java");
        assertThat(oneLevel.matches("src/App.java")).isTrue();
        assertThat(oneLevel.matches("src/main/App.java")).isFalse();

        Glob anywhere = Glob.of("**/test/**");
        assertThat(anywhere.matches("test/a.txt")).isTrue();
        assertThat(anywhere.matches("router-svc/src/test/java/A.java")).isTrue();
        assertThat(anywhere.matches("latest/a.txt")).isFalse();
    }

    @Test
    void aGlobWithoutSlashMatchesTheFileNameInAnyDirectory() {
        Glob markdown = Glob.of("*.md");
        assertThat(markdown.matches("README.md")).isTrue();
        assertThat(markdown.matches("docs/deep/setup.md")).isTrue();
        assertThat(markdown.matches("docs/setup.md.bak")).isFalse();
        assertThat(markdown.matches("README.MD")).as("paths are case-sensitive").isFalse();
        assertThat(Glob.of("?akefile").matches("build/Makefile")).isTrue();
        assertThat(Glob.of("/docs/*.md").matches("docs/a.md"))
                .as("a leading slash means the root")
                .isTrue();
        assertThat(Glob.of("a+b(c).txt").matches("a+b(c).txt"))
                .as("regex characters are literal")
                .isTrue();
    }

    @Test
    void keywordsAreWholeWordsInAnyCase() {
        Keyword test = Keyword.of("test");
        assertThat(test.foundIn("The TEST fails")).isTrue();
        assertThat(test.foundIn("test")).isTrue();
        assertThat(test.foundIn("(test)")).isTrue();
        assertThat(test.foundIn("the latest build")).isFalse();
        assertThat(test.foundIn("testing it")).isFalse();
        assertThat(test.foundIn("my_test_case")).isFalse();
        assertThat(test.foundIn(null)).isFalse();
        assertThat(Keyword.of("release notes").foundIn("Update the Release Notes, please"))
                .isTrue();
        assertThat(Keyword.of("c++").foundIn("port it to C++ now")).isTrue();
        assertThat(Keyword.of("größe").foundIn("Die GRÖSSE stimmt nicht")).isFalse();
        assertThat(Keyword.of("größe").foundIn("Die GRÖßE stimmt nicht")).isTrue();
    }

    @Test
    void blankPatternsAreRefused() {
        assertThatThrownBy(() -> Glob.of(" ")).hasMessage("a path glob is blank");
        assertThatThrownBy(() -> Keyword.of("")).hasMessage("a keyword is blank");
    }
}
