package org.crmkit.common;

/**
 * Where the facade learns who is acting when the host does not say so per call: the host's
 * security context, a thread-local of its request, or a fixed actor in a batch job.
 */
@FunctionalInterface
public interface ActorSource {
    /** The actor of the current call; never null. */
    Actor current();

    static ActorSource fixed(Actor actor) {
        ValidationException.required(actor, "actor");
        return () -> actor;
    }
}
