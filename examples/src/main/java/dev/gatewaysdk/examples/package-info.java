/**
 * Runnable examples, one per part of a typical Gateway API guide, written against the SDK: each
 * class has a static {@code run(GatewayApiClient client, String namespace, ...)} entry that creates
 * the objects of its scenario and returns them, and a test in {@code examples/src/test} that runs
 * it on the embedded API server with the simulated Gateway controller and checks the resulting
 * objects and status.
 *
 * <table>
 *   <caption>Examples by guide section</caption>
 *   <tr><td>Gateway with HTTP, HTTPS and TCP listeners</td><td>{@link dev.gatewaysdk.examples.GatewayListenersExample}</td></tr>
 *   <tr><td>GatewayClass with parametersRef</td><td>{@link dev.gatewaysdk.examples.GatewayClassExample}</td></tr>
 *   <tr><td>Basic HTTPRoute</td><td>{@link dev.gatewaysdk.examples.BasicRouteExample}</td></tr>
 *   <tr><td>Header, query and method matches</td><td>{@link dev.gatewaysdk.examples.AdvancedMatchExample}</td></tr>
 *   <tr><td>Traffic splitting</td><td>{@link dev.gatewaysdk.examples.TrafficSplitExample}</td></tr>
 *   <tr><td>TLS termination with a generated certificate</td><td>{@link dev.gatewaysdk.examples.TlsTerminationExample}</td></tr>
 *   <tr><td>TLS passthrough with TLSRoute</td><td>{@link dev.gatewaysdk.examples.TlsPassthroughExample}</td></tr>
 *   <tr><td>HTTP to HTTPS and path redirects</td><td>{@link dev.gatewaysdk.examples.RedirectExample}</td></tr>
 *   <tr><td>Request mirroring</td><td>{@link dev.gatewaysdk.examples.MirrorExample}</td></tr>
 *   <tr><td>Multi-tenant gateways</td><td>{@link dev.gatewaysdk.examples.MultiTenantExample}</td></tr>
 *   <tr><td>Listing gateways</td><td>{@link dev.gatewaysdk.examples.ListGatewaysExample}</td></tr>
 *   <tr><td>Dynamic weight updates</td><td>{@link dev.gatewaysdk.examples.DynamicWeightsExample}</td></tr>
 *   <tr><td>Progressive canary</td><td>{@link dev.gatewaysdk.examples.ProgressiveCanaryExample}</td></tr>
 * </table>
 */
package dev.gatewaysdk.examples;
