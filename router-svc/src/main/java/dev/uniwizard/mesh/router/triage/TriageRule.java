package dev.uniwizard.mesh.router.triage;

import dev.uniwizard.mesh.core.gitea.GiteaEventPayload;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One triage rule, compiled from {@code router.triage.rules[i]}. It applies to the Gitea events it lists and matches
 * when any of its criteria does, checked in this order: an existing label (any of {@code labels}, case-insensitive),
 * a touched path (any of {@code paths}), a keyword in the title or body (any of {@code keywords}). A rule without
 * criteria matches every event it applies to.
 */
public record TriageRule(
        String name,
        String house,
        List<String> labels,
        List<Glob> paths,
        List<Keyword> keywords,
        Set<String> events,
        List<String> addLabels) {

    public TriageRule {
        labels = List.copyOf(labels);
        paths = List.copyOf(paths);
        keywords = List.copyOf(keywords);
        events = Set.copyOf(events);
        addLabels = List.copyOf(addLabels);
    }

    public boolean appliesTo(String event) {
        return events.contains(event);
    }

    /** Whether this rule looks at touched files (pull requests then need theirs fetched). */
    public boolean needsPaths() {
        return !paths.isEmpty();
    }

    /** Why this rule matches {@code event} (e.g. {@code rule docs: label documentation}), if it does. */
    public Optional<String> match(GiteaEventPayload event) {
        if (!appliesTo(event.event())) {
            return Optional.empty();
        }
        if (labels.isEmpty() && paths.isEmpty() && keywords.isEmpty()) {
            return because("every " + event.event() + " event");
        }
        for (String label : labels) {
            for (String existing : event.labels()) {
                if (existing.toLowerCase(Locale.ROOT).equals(label.toLowerCase(Locale.ROOT))) {
                    return because("label " + existing);
                }
            }
        }
        for (Glob glob : paths) {
            for (String path : event.paths()) {
                if (glob.matches(path)) {
                    return because("path " + path + " matches " + glob);
                }
            }
        }
        for (Keyword keyword : keywords) {
            if (keyword.foundIn(event.title()) || keyword.foundIn(event.body())) {
                return because("keyword '" + keyword + "'");
            }
        }
        return Optional.empty();
    }

    private Optional<String> because(String what) {
        return Optional.of("rule " + name + ": " + what);
    }
}
