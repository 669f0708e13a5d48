package dev.uniwizard.mesh.observatory.events;

import dev.uniwizard.mesh.observatory.config.ObservatoryConfig;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last {@code observatory.recent-events} events, newest first. */
@Singleton
public class RecentEvents {

    private final int capacity;
    private final Deque<ObservedEvent> events = new ArrayDeque<>();

    public RecentEvents(ObservatoryConfig config) {
        this.capacity = Math.max(1, config.recentEvents());
    }

    public synchronized void add(ObservedEvent event) {
        events.addFirst(event);
        while (events.size() > capacity) {
            events.removeLast();
        }
    }

    public synchronized List<ObservedEvent> newestFirst() {
        return new ArrayList<>(events);
    }
}
