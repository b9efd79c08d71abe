package io.github.connectedcar.simulator.internal.command;

/** The two Autonomic command bases: {@code /v1/command/...} and {@code /v1beta/command/...}. */
public enum ApiVersion {
    V1("v1"),
    V1BETA("v1beta");

    private final String pathSegment;

    ApiVersion(String pathSegment) {
        this.pathSegment = pathSegment;
    }

    public String pathSegment() {
        return pathSegment;
    }

    /** The version of a path segment, or null for anything else. */
    public static ApiVersion ofPathSegment(String segment) {
        for (ApiVersion v : values()) {
            if (v.pathSegment.equals(segment)) {
                return v;
            }
        }
        return null;
    }
}
