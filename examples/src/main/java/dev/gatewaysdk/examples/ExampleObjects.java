package dev.gatewaysdk.examples;

import dev.gatewaysdk.core.ApplyOptions;
import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.ResourceClient;
import dev.gatewaysdk.testing.SelfSignedCertificate;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the examples share: server-side apply as one field manager (so running an example twice
 * changes nothing), and the core objects routes and listeners refer to (Services, TLS Secrets),
 * written with the official Kubernetes client because they are not Gateway API kinds.
 */
final class ExampleObjects {
  /** The field manager of every example's writes. */
  static final String FIELD_MANAGER = "gatewaysdk-examples";

  private ExampleObjects() {}

  /** Applies {@code object} (server-side apply, forced: the examples own what they write). */
  static <T> T apply(ResourceClient<T> client, T object) {
    return client.apply(object, ApplyOptions.of(FIELD_MANAGER).withForce(true));
  }

  /** Creates ClusterIP Services {@code names} on {@code port} unless they exist. */
  static void services(GatewayApiClient client, String namespace, int port, String... names) {
    CoreV1Api core = new CoreV1Api(client.apiClient());
    for (String name : names) {
      V1Service service =
          new V1Service()
              .metadata(new V1ObjectMeta().name(name).namespace(namespace))
              .spec(
                  new V1ServiceSpec()
                      .selector(Map.of("app", name))
                      .addPortsItem(new V1ServicePort().port(port)));
      createUnlessExists(() -> core.createNamespacedService(namespace, service).execute());
    }
  }

  /**
   * Creates a {@code kubernetes.io/tls} Secret with a fresh self-signed certificate for {@code
   * dnsNames}, unless it exists. In production cert-manager or your CA would issue it.
   */
  static SelfSignedCertificate tlsSecret(
      GatewayApiClient client, String namespace, String name, String... dnsNames) {
    SelfSignedCertificate cert = SelfSignedCertificate.generate(dnsNames);
    V1Secret secret =
        new V1Secret()
            .metadata(new V1ObjectMeta().name(name).namespace(namespace))
            .type("kubernetes.io/tls")
            .putDataItem("tls.crt", cert.certificatePem().getBytes(StandardCharsets.US_ASCII))
            .putDataItem("tls.key", cert.privateKeyPem().getBytes(StandardCharsets.US_ASCII));
    createUnlessExists(
        () ->
            new CoreV1Api(client.apiClient()).createNamespacedSecret(namespace, secret).execute());
    return cert;
  }

  /** Creates namespace {@code name} unless it exists. */
  static void namespace(GatewayApiClient client, String name) {
    io.kubernetes.client.openapi.models.V1Namespace ns =
        new io.kubernetes.client.openapi.models.V1Namespace()
            .metadata(new V1ObjectMeta().name(name));
    createUnlessExists(() -> new CoreV1Api(client.apiClient()).createNamespace(ns).execute());
  }

  private interface Call {
    Object run() throws ApiException;
  }

  private static void createUnlessExists(Call call) {
    try {
      call.run();
    } catch (ApiException e) {
      if (e.getCode() != 409) {
        throw new IllegalStateException(
            "cannot create object: HTTP " + e.getCode() + " " + e.getResponseBody(), e);
      }
    }
  }
}
