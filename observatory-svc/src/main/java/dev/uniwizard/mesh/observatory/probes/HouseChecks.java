package dev.uniwizard.mesh.observatory.probes;

import dev.uniwizard.mesh.core.observatory.CheckKinds;
import dev.uniwizard.mesh.core.observatory.CheckResult;
import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.core.payload.HouseFacts;
import dev.uniwizard.mesh.observatory.checks.Check;
import dev.uniwizard.mesh.observatory.checks.Level;
import dev.uniwizard.mesh.observatory.houses.HouseInstances;
import dev.uniwizard.mesh.observatory.houses.HouseView;
import dev.uniwizard.mesh.observatory.houses.HouseViews;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;

/**
 * The checks judged from the houses' own heartbeats ({@link HouseInstances}, {@link HouseViews}):
 *
 * <ul>
 *   <li>{@code login:<house>}: ok when logged in or no login is needed, critical when it needs a login, warn while
 *       unknown; only for houses that report house facts.
 *   <li>{@code version:<house>}: ok when it runs the expected version, warn otherwise (running X, expected Y).
 *   <li>{@code approvals:<house>} for the approval authority (any house reporting pending approvals): the number of
 *       requests waiting for a decision against the approvals thresholds (the count also goes to
 *       {@code mesh_observatory_approvals_pending}).
 * </ul>
 */
public final class HouseChecks implements Check {

    private final List<String> houses;
    private final HouseInstances instances;
    private final HouseViews views;
    private final Level approvals;
    private final DoubleConsumer pendingGauge;

    /** @param pendingGauge receives the pending approvals after every run (NaN when no house reports them) */
    public HouseChecks(
            List<String> houses,
            HouseInstances instances,
            HouseViews views,
            Level approvals,
            DoubleConsumer pendingGauge) {
        this.houses = List.copyOf(houses);
        this.instances = instances;
        this.views = views;
        this.approvals = approvals;
        this.pendingGauge = pendingGauge;
    }

    @Override
    public String kind() {
        return "collector";
    }

    @Override
    public String target() {
        return "houses";
    }

    @Override
    public List<CheckResult> run(Instant at) {
        List<CheckResult> results = new ArrayList<>();
        Double pending = null;
        for (String house : houses) {
            Optional<HouseView> seen = views.of(house, instances.of(house), at);
            if (seen.isEmpty()) {
                continue;
            }
            HouseView view = seen.get();
            String suffix = view.current()
                    ? ""
                    : " (last heard " + Describe.age(Duration.between(view.lastSeen(), at))
                            + " ago; the house stopped)";
            if (view.login() != null) {
                results.add(login(view, suffix, at));
            }
            results.add(version(view, suffix, at));
            if (view.pendingApprovals() != null) {
                results.add(approvals(view, suffix, at));
                pending = (pending == null ? 0 : pending) + view.pendingApprovals();
            }
        }
        pendingGauge.accept(pending == null ? Double.NaN : pending);
        return results;
    }

    private static CheckResult login(HouseView view, String suffix, Instant at) {
        String detail = view.loginDetail() == null || view.loginDetail().isBlank() ? "" : ": " + view.loginDetail();
        String house = view.house();
        CheckState state;
        String message;
        switch (view.login()) {
            case HouseFacts.LOGGED_IN -> {
                state = CheckState.OK;
                message = house + " is logged in to its model" + detail;
            }
            case HouseFacts.NOT_REQUIRED -> {
                state = CheckState.OK;
                message = house + " needs no model login (no model in its mode)" + detail;
            }
            case HouseFacts.NEEDS_LOGIN -> {
                state = CheckState.CRITICAL;
                message = house + " needs a login: its model endpoint refused its credentials" + detail;
            }
            default -> {
                state = CheckState.WARN;
                message = house + "'s model login is not known yet" + detail;
            }
        }
        return CheckResult.of(
                CheckKinds.LOGIN, house, state, null, null, message + " (" + view.loginInstance() + ")" + suffix, at);
    }

    private static CheckResult version(HouseView view, String suffix, Instant at) {
        String message = view.upToDate()
                ? view.house() + " runs " + view.version() + ", the expected version"
                : view.versionInstance() + " runs " + view.version() + ", expected " + view.expectedVersion();
        return CheckResult.of(
                CheckKinds.VERSION,
                view.house(),
                view.upToDate() ? CheckState.OK : CheckState.WARN,
                null,
                null,
                message + suffix,
                at);
    }

    private CheckResult approvals(HouseView view, String suffix, Instant at) {
        int pending = view.pendingApprovals();
        return CheckResult.of(
                CheckKinds.APPROVALS,
                view.house(),
                approvals.judge(pending),
                (double) pending,
                "requests",
                pending + " approval request(s) wait for a decision by " + view.house() + " (warn at "
                        + (long) approvals.warn() + ", critical at " + (long) approvals.critical() + ")" + suffix,
                at);
    }
}
