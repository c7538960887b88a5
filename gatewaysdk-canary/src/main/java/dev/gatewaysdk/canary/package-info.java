/**
 * Progressive canaries on Gateway API routes, as a library: {@link
 * dev.gatewaysdk.canary.CanaryPlan} says what to do (weight steps, pauses, manual gates, analysis,
 * mirroring, A/B matches, promotion), {@link dev.gatewaysdk.canary.Canary} does it against a
 * cluster, keeping its state on the route itself so that a restarted or replacement process
 * continues where the last one stopped.
 */
package dev.gatewaysdk.canary;
