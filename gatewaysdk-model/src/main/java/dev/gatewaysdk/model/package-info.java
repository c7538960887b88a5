/**
 * Gateway API resources as immutable values with fluent builders, and manifest reading and writing.
 */
@GatewayApiStyle
package dev.gatewaysdk.model;
