package dev.gatewaysdk.model.internal;

import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The Gateway API releases the model supports and the API versions each serves, generated from
 * the official CRDs of every release and channel (and the rows recorded for releases whose CRDs the
 * CRD source does not hold). Read through {@code ServedVersions} and {@code CrdSource}.
 */
@Generated("dev.gatewaysdk.model.generator.ModelGenerator")
public final class ReleaseTable {
  /**
   * The newest Gateway API release this SDK targets.
   */
  public static final String LATEST = "v1.6.1";

  /**
   * One row per release, channel and kind, oldest release first:
   * {@code <release> <channel> <group> <kind> <version>...}, where {@code *} marks the storage version
   * and {@code !} a deprecated one; versions a CRD does not serve are left out.
   */
  public static final List<String> SERVED_VERSIONS = List.of(
      "v1.0.0 standard     gateway.networking.k8s.io   GatewayClass          v1 v1beta1*",
      "v1.0.0 standard     gateway.networking.k8s.io   Gateway               v1 v1beta1*",
      "v1.0.0 standard     gateway.networking.k8s.io   HTTPRoute             v1 v1beta1*",
      "v1.0.0 standard     gateway.networking.k8s.io   ReferenceGrant        v1alpha2! v1beta1*",
      "v1.0.0 experimental gateway.networking.k8s.io   BackendTLSPolicy      v1alpha2*",
      "v1.0.0 experimental gateway.networking.k8s.io   GatewayClass          v1 v1beta1*",
      "v1.0.0 experimental gateway.networking.k8s.io   Gateway               v1 v1beta1*",
      "v1.0.0 experimental gateway.networking.k8s.io   GRPCRoute             v1alpha2*",
      "v1.0.0 experimental gateway.networking.k8s.io   HTTPRoute             v1 v1beta1*",
      "v1.0.0 experimental gateway.networking.k8s.io   ReferenceGrant        v1alpha2! v1beta1*",
      "v1.0.0 experimental gateway.networking.k8s.io   TCPRoute              v1alpha2*",
      "v1.0.0 experimental gateway.networking.k8s.io   TLSRoute              v1alpha2*",
      "v1.0.0 experimental gateway.networking.k8s.io   UDPRoute              v1alpha2*",
      "v1.1.0 standard     gateway.networking.k8s.io   GatewayClass          v1* v1beta1",
      "v1.1.0 standard     gateway.networking.k8s.io   Gateway               v1* v1beta1",
      "v1.1.0 standard     gateway.networking.k8s.io   GRPCRoute             v1*",
      "v1.1.0 standard     gateway.networking.k8s.io   HTTPRoute             v1* v1beta1",
      "v1.1.0 standard     gateway.networking.k8s.io   ReferenceGrant        v1beta1*",
      "v1.1.0 experimental gateway.networking.k8s.io   BackendLBPolicy       v1alpha2*",
      "v1.1.0 experimental gateway.networking.k8s.io   BackendTLSPolicy      v1alpha3*",
      "v1.1.0 experimental gateway.networking.k8s.io   GatewayClass          v1* v1beta1",
      "v1.1.0 experimental gateway.networking.k8s.io   Gateway               v1* v1beta1",
      "v1.1.0 experimental gateway.networking.k8s.io   GRPCRoute             v1* v1alpha2!",
      "v1.1.0 experimental gateway.networking.k8s.io   HTTPRoute             v1* v1beta1",
      "v1.1.0 experimental gateway.networking.k8s.io   ReferenceGrant        v1alpha2! v1beta1*",
      "v1.1.0 experimental gateway.networking.k8s.io   TCPRoute              v1alpha2*",
      "v1.1.0 experimental gateway.networking.k8s.io   TLSRoute              v1alpha2*",
      "v1.1.0 experimental gateway.networking.k8s.io   UDPRoute              v1alpha2*",
      "v1.2.0 standard     gateway.networking.k8s.io   GatewayClass          v1* v1beta1",
      "v1.2.0 standard     gateway.networking.k8s.io   Gateway               v1* v1beta1",
      "v1.2.0 standard     gateway.networking.k8s.io   GRPCRoute             v1*",
      "v1.2.0 standard     gateway.networking.k8s.io   HTTPRoute             v1* v1beta1",
      "v1.2.0 standard     gateway.networking.k8s.io   ReferenceGrant        v1beta1*",
      "v1.2.0 experimental gateway.networking.k8s.io   BackendLBPolicy       v1alpha2*",
      "v1.2.0 experimental gateway.networking.k8s.io   BackendTLSPolicy      v1alpha3*",
      "v1.2.0 experimental gateway.networking.k8s.io   GatewayClass          v1* v1beta1",
      "v1.2.0 experimental gateway.networking.k8s.io   Gateway               v1* v1beta1",
      "v1.2.0 experimental gateway.networking.k8s.io   GRPCRoute             v1*",
      "v1.2.0 experimental gateway.networking.k8s.io   HTTPRoute             v1* v1beta1",
      "v1.2.0 experimental gateway.networking.k8s.io   ReferenceGrant        v1beta1*",
      "v1.2.0 experimental gateway.networking.k8s.io   TCPRoute              v1alpha2*",
      "v1.2.0 experimental gateway.networking.k8s.io   TLSRoute              v1alpha2*",
      "v1.2.0 experimental gateway.networking.k8s.io   UDPRoute              v1alpha2*",
      "v1.3.0 standard     gateway.networking.k8s.io   GatewayClass          v1* v1beta1",
      "v1.3.0 standard     gateway.networking.k8s.io   Gateway               v1* v1beta1",
      "v1.3.0 standard     gateway.networking.k8s.io   GRPCRoute             v1*",
      "v1.3.0 standard     gateway.networking.k8s.io   HTTPRoute             v1* v1beta1",
      "v1.3.0 standard     gateway.networking.k8s.io   ReferenceGrant        v1beta1*",
      "v1.3.0 experimental gateway.networking.k8s.io   BackendTLSPolicy      v1alpha3*",
      "v1.3.0 experimental gateway.networking.k8s.io   GatewayClass          v1* v1beta1",
      "v1.3.0 experimental gateway.networking.k8s.io   Gateway               v1* v1beta1",
      "v1.3.0 experimental gateway.networking.k8s.io   GRPCRoute             v1*",
      "v1.3.0 experimental gateway.networking.k8s.io   HTTPRoute             v1* v1beta1",
      "v1.3.0 experimental gateway.networking.k8s.io   ReferenceGrant        v1beta1*",
      "v1.3.0 experimental gateway.networking.k8s.io   TCPRoute              v1alpha2*",
      "v1.3.0 experimental gateway.networking.k8s.io   TLSRoute              v1alpha2*",
      "v1.3.0 experimental gateway.networking.k8s.io   UDPRoute              v1alpha2*",
      "v1.3.0 experimental gateway.networking.x-k8s.io XBackendTrafficPolicy v1alpha1*",
      "v1.3.0 experimental gateway.networking.x-k8s.io XListenerSet          v1alpha1*",
      "v1.4.0 standard     gateway.networking.k8s.io   BackendTLSPolicy      v1*",
      "v1.4.0 standard     gateway.networking.k8s.io   GatewayClass          v1* v1beta1",
      "v1.4.0 standard     gateway.networking.k8s.io   Gateway               v1* v1beta1",
      "v1.4.0 standard     gateway.networking.k8s.io   GRPCRoute             v1*",
      "v1.4.0 standard     gateway.networking.k8s.io   HTTPRoute             v1* v1beta1",
      "v1.4.0 standard     gateway.networking.k8s.io   ReferenceGrant        v1beta1*",
      "v1.4.0 experimental gateway.networking.k8s.io   BackendTLSPolicy      v1* v1alpha3!",
      "v1.4.0 experimental gateway.networking.k8s.io   GatewayClass          v1* v1beta1",
      "v1.4.0 experimental gateway.networking.k8s.io   Gateway               v1* v1beta1",
      "v1.4.0 experimental gateway.networking.k8s.io   GRPCRoute             v1*",
      "v1.4.0 experimental gateway.networking.k8s.io   HTTPRoute             v1* v1beta1",
      "v1.4.0 experimental gateway.networking.k8s.io   ReferenceGrant        v1beta1*",
      "v1.4.0 experimental gateway.networking.k8s.io   TCPRoute              v1alpha2*",
      "v1.4.0 experimental gateway.networking.k8s.io   TLSRoute              v1alpha2 v1alpha3*",
      "v1.4.0 experimental gateway.networking.k8s.io   UDPRoute              v1alpha2*",
      "v1.4.0 experimental gateway.networking.x-k8s.io XBackendTrafficPolicy v1alpha1*",
      "v1.4.0 experimental gateway.networking.x-k8s.io XListenerSet          v1alpha1*",
      "v1.4.0 experimental gateway.networking.x-k8s.io XMesh                 v1alpha1*",
      "v1.5.0 standard     gateway.networking.k8s.io   BackendTLSPolicy      v1*",
      "v1.5.0 standard     gateway.networking.k8s.io   GatewayClass          v1* v1beta1",
      "v1.5.0 standard     gateway.networking.k8s.io   Gateway               v1* v1beta1",
      "v1.5.0 standard     gateway.networking.k8s.io   GRPCRoute             v1*",
      "v1.5.0 standard     gateway.networking.k8s.io   HTTPRoute             v1* v1beta1",
      "v1.5.0 standard     gateway.networking.k8s.io   ListenerSet           v1*",
      "v1.5.0 standard     gateway.networking.k8s.io   ReferenceGrant        v1 v1beta1*",
      "v1.5.0 standard     gateway.networking.k8s.io   TLSRoute              v1*",
      "v1.5.0 experimental gateway.networking.k8s.io   BackendTLSPolicy      v1* v1alpha3!",
      "v1.5.0 experimental gateway.networking.k8s.io   GatewayClass          v1* v1beta1",
      "v1.5.0 experimental gateway.networking.k8s.io   Gateway               v1* v1beta1",
      "v1.5.0 experimental gateway.networking.k8s.io   GRPCRoute             v1*",
      "v1.5.0 experimental gateway.networking.k8s.io   HTTPRoute             v1* v1beta1",
      "v1.5.0 experimental gateway.networking.k8s.io   ListenerSet           v1*",
      "v1.5.0 experimental gateway.networking.k8s.io   ReferenceGrant        v1 v1beta1*",
      "v1.5.0 experimental gateway.networking.k8s.io   TCPRoute              v1alpha2*",
      "v1.5.0 experimental gateway.networking.k8s.io   TLSRoute              v1* v1alpha2! v1alpha3!",
      "v1.5.0 experimental gateway.networking.k8s.io   UDPRoute              v1alpha2*",
      "v1.5.0 experimental gateway.networking.x-k8s.io XBackendTrafficPolicy v1alpha1*",
      "v1.5.0 experimental gateway.networking.x-k8s.io XMesh                 v1alpha1*",
      "v1.6.1 standard     gateway.networking.k8s.io   BackendTLSPolicy      v1*",
      "v1.6.1 standard     gateway.networking.k8s.io   GatewayClass          v1* v1beta1",
      "v1.6.1 standard     gateway.networking.k8s.io   Gateway               v1* v1beta1",
      "v1.6.1 standard     gateway.networking.k8s.io   GRPCRoute             v1*",
      "v1.6.1 standard     gateway.networking.k8s.io   HTTPRoute             v1* v1beta1",
      "v1.6.1 standard     gateway.networking.k8s.io   ListenerSet           v1*",
      "v1.6.1 standard     gateway.networking.k8s.io   ReferenceGrant        v1 v1beta1*",
      "v1.6.1 standard     gateway.networking.k8s.io   TCPRoute              v1*",
      "v1.6.1 standard     gateway.networking.k8s.io   TLSRoute              v1*",
      "v1.6.1 standard     gateway.networking.k8s.io   UDPRoute              v1*",
      "v1.6.1 experimental gateway.networking.k8s.io   BackendTLSPolicy      v1* v1alpha3!",
      "v1.6.1 experimental gateway.networking.k8s.io   GatewayClass          v1* v1beta1",
      "v1.6.1 experimental gateway.networking.k8s.io   Gateway               v1* v1beta1",
      "v1.6.1 experimental gateway.networking.k8s.io   GRPCRoute             v1*",
      "v1.6.1 experimental gateway.networking.k8s.io   HTTPRoute             v1* v1beta1",
      "v1.6.1 experimental gateway.networking.k8s.io   ListenerSet           v1*",
      "v1.6.1 experimental gateway.networking.k8s.io   ReferenceGrant        v1 v1beta1*",
      "v1.6.1 experimental gateway.networking.k8s.io   TCPRoute              v1* v1alpha2!",
      "v1.6.1 experimental gateway.networking.k8s.io   TLSRoute              v1* v1alpha2! v1alpha3!",
      "v1.6.1 experimental gateway.networking.k8s.io   UDPRoute              v1* v1alpha2!",
      "v1.6.1 experimental gateway.networking.x-k8s.io XBackend              v1alpha1*",
      "v1.6.1 experimental gateway.networking.x-k8s.io XBackendTrafficPolicy v1alpha1*",
      "v1.6.1 experimental gateway.networking.x-k8s.io XMesh                 v1alpha1*"
  );

  private ReleaseTable() {
  }
}
