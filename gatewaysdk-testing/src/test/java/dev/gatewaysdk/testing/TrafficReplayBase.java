package dev.gatewaysdk.testing;

import dev.gatewaysdk.model.Manifests;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;

/**
 * What the conformance traffic replays share: the served cluster ({@code @GatewayApiTest}: one per
 * JVM, a fresh namespace per method), Netty leak checks, the backends to close after each method,
 * and manifests with {@code $NS} (the test's namespace) and {@code $CLASS} (the GatewayClass).
 */
@GatewayApiTest
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@org.junit.jupiter.api.extension.ExtendWith(NettyLeaks.class)
abstract class TrafficReplayBase {
  GatewayCluster cluster;
  TestNamespace ns;
  final List<AutoCloseable> closeables = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  /** Creates the object {@code yaml} describes, {@code $NS} and {@code $CLASS} replaced. */
  <T> T create(String yaml, Class<T> type) {
    return cluster.create(
        Manifests.read(
            yaml.replace("$NS", ns.name())
                .replace("$CLASS", cluster.gatewayClassName().orElseThrow()),
            type));
  }

  /** A ConfigMap {@code name} whose {@code ca.crt} is {@code caPem}. */
  void configMap(String name, String caPem) {
    cluster.create(
        new V1ConfigMap()
            .apiVersion("v1")
            .kind("ConfigMap")
            .metadata(new V1ObjectMeta().name(name).namespace(ns.name()))
            .putDataItem("ca.crt", caPem));
  }

  /** Echo backends {@code names} behind Services of the same names on port 8080. */
  void echoBackends(String... names) {
    for (String n : names) {
      closeables.add(EchoBackend.behindService(cluster, ns.name(), n, 8080));
    }
  }
}
