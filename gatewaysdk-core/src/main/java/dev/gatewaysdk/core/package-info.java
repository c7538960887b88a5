/**
 * The Gateway API client: {@link dev.gatewaysdk.core.GatewayApiClient} with typed clients per kind,
 * version negotiation ({@link dev.gatewaysdk.core.Capabilities}), caches, status waits, the {@link
 * dev.gatewaysdk.core.GatewayApiException} family, and {@link dev.gatewaysdk.core.RouteManager} for
 * surgical, conflict-free traffic changes.
 */
@GatewayApiStyle
package dev.gatewaysdk.core;

import dev.gatewaysdk.model.GatewayApiStyle;
