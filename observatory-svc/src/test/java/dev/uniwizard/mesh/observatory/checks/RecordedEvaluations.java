package dev.uniwizard.mesh.observatory.checks;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test observer: every {@link ChecksEvaluated} fired in the application under test. */
@Singleton
public class RecordedEvaluations {

    private final List<ChecksEvaluated> seen = new CopyOnWriteArrayList<>();

    void record(@Observes ChecksEvaluated evaluated) {
        seen.add(evaluated);
    }

    public List<ChecksEvaluated> seen() {
        return List.copyOf(seen);
    }
}
