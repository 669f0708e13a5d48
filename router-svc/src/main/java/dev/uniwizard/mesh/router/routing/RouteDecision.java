package dev.uniwizard.mesh.router.routing;

/** The router's answer for one message. */
public sealed interface RouteDecision {

    /** Deliver {@code text} to {@code house}; {@code reason} says why this house. */
    record Route(String house, String text, String reason) implements RouteDecision {}

    /** The message names a house that does not exist. */
    record UnknownHouse(String requested, String message) implements RouteDecision {}
}
