package dev.gatewaysdk.testing;

/**
 * The cluster contract on an existing cluster named by {@code -Dgatewaysdk.kubeconfig=...} or
 * {@code GATEWAYSDK_KUBECONFIG}; skipped when neither is set.
 */
@GatewayApiTest(backend = GatewayCluster.Backend.KUBECONFIG)
class KubeconfigGatewayClusterTest extends GatewayClusterContract {}
