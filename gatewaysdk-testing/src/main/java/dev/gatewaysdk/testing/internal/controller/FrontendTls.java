package dev.gatewaysdk.testing.internal.controller;

import static dev.gatewaysdk.testing.internal.controller.Conditions.condition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * A Gateway's {@code spec.tls}: frontend client-certificate validation (the CA references of {@code
 * tls.frontend.default} or the {@code perPort} entry of an HTTPS listener's port) and the backend
 * client certificate ({@code tls.backend.clientCertificateRef}), with the reasons the Gateway API
 * types name.
 */
public final class FrontendTls {
  private FrontendTls() {}

  /**
   * The frontend validation that applies to an HTTPS listener on {@code port}, or a missing node.
   */
  public static JsonNode validationFor(ObjectNode gw, long port) {
    JsonNode frontend = gw.path("spec").path("tls").path("frontend");
    for (JsonNode p : frontend.path("perPort")) {
      if (p.path("port").asLong() == port) {
        return p.path("tls").path("validation");
      }
    }
    return frontend.path("default").path("validation");
  }

  /**
   * Checks the CA certificate references that apply to this HTTPS listener: any invalid one makes
   * {@code ResolvedRefs} False (InvalidCACertificateKind, RefNotPermitted or
   * InvalidCACertificateRef); all invalid make {@code Accepted} False with NoValidCACertificate.
   */
  static void check(Reconciler.Snapshot s, ObjectNode gw, Reconciler.ListenerView l) {
    JsonNode refs = validationFor(gw, l.port).path("caCertificateRefs");
    if (!refs.isArray() || refs.size() == 0) {
      return;
    }
    String gwNs = Reconciler.namespace(gw);
    List<String[]> problems = new ArrayList<>();
    for (JsonNode ref : refs) {
      String problem = null;
      String reason = null;
      String group = ref.path("group").asText("");
      String kind = ref.path("kind").asText("");
      String name = ref.path("name").asText();
      String ns = ref.hasNonNull("namespace") ? ref.path("namespace").asText() : gwNs;
      if (!group.isEmpty() || !"ConfigMap".equals(kind)) {
        reason = "InvalidCACertificateKind";
        problem =
            "caCertificateRef "
                + name
                + " has the unsupported kind "
                + (group.isEmpty() ? "" : group + "/")
                + kind
                + " (only core ConfigMap is supported)";
      } else if (!ns.equals(gwNs)
          && !Reconciler.permitted(
              s, Reconciler.GROUP, "Gateway", gwNs, "", "ConfigMap", ns, name)) {
        reason = "RefNotPermitted";
        problem =
            "ConfigMap "
                + ns
                + "/"
                + name
                + " is in another namespace and no ReferenceGrant there allows it";
      } else {
        String why = caProblem(s.get("ConfigMap", ns, name));
        if (why != null) {
          reason = "InvalidCACertificateRef";
          problem = "ConfigMap " + ns + "/" + name + " " + why;
        }
      }
      if (reason != null) {
        problems.add(new String[] {reason, problem});
      }
    }
    if (problems.isEmpty()) {
      return;
    }
    if (l.resolved) {
      l.resolved = false;
      l.resolvedReason = problems.get(0)[0];
      l.resolvedMessage = problems.get(0)[1];
    }
    if (problems.size() == refs.size() && l.accepted) {
      l.accepted = false;
      l.acceptedReason = "NoValidCACertificate";
      l.acceptedMessage = "no valid CA certificate for client validation: " + problems.get(0)[1];
    }
  }

  /** Why a ConfigMap cannot serve as a CA bundle ({@code ca.crt}), or null if it can. */
  public static String caProblem(JsonNode configMap) {
    if (configMap == null) {
      return "does not exist";
    }
    String pem = configMap.path("data").path("ca.crt").asText(null);
    if (pem == null && configMap.path("binaryData").has("ca.crt")) {
      pem = Reconciler.decode(configMap.path("binaryData").path("ca.crt").asText());
    }
    if (pem == null || pem.isBlank()) {
      return "has no key ca.crt";
    }
    try {
      if (CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
          .isEmpty()) {
        return "holds no PEM certificate in ca.crt";
      }
    } catch (CertificateException | RuntimeException e) {
      return "holds no valid PEM certificate in ca.crt";
    }
    return null;
  }

  /**
   * The Gateway's {@code ResolvedRefs}: False with RefNotPermitted or InvalidClientCertificateRef
   * for the backend client certificate, else False with ListenersNotResolved when a listener's refs
   * do not resolve.
   */
  static ObjectNode gatewayResolvedRefs(
      Reconciler.Snapshot s, ObjectNode gw, List<Reconciler.ListenerView> listeners, long gen) {
    JsonNode ref = gw.path("spec").path("tls").path("backend").path("clientCertificateRef");
    if (ref.isObject()) {
      String gwNs = Reconciler.namespace(gw);
      String group = ref.path("group").asText("");
      String kind = ref.path("kind").asText("Secret");
      String name = ref.path("name").asText();
      String ns = ref.hasNonNull("namespace") ? ref.path("namespace").asText() : gwNs;
      if (!ns.equals(gwNs)
          && !Reconciler.permitted(s, Reconciler.GROUP, "Gateway", gwNs, group, kind, ns, name)) {
        return condition(
            "ResolvedRefs",
            false,
            "RefNotPermitted",
            "backend clientCertificateRef "
                + kind
                + " "
                + ns
                + "/"
                + name
                + " is in another namespace and no ReferenceGrant there allows it",
            gen);
      }
      String problem;
      if (!group.isEmpty() || !"Secret".equals(kind)) {
        problem = "has the unsupported kind " + (group.isEmpty() ? "" : group + "/") + kind;
      } else {
        ObjectNode secret = s.get("Secret", ns, name);
        problem = secret == null ? "does not exist" : Reconciler.certificateProblem(secret);
      }
      if (problem != null) {
        return condition(
            "ResolvedRefs",
            false,
            "InvalidClientCertificateRef",
            "backend clientCertificateRef " + kind + " " + ns + "/" + name + " " + problem,
            gen);
      }
    }
    List<String> unresolved = new ArrayList<>();
    for (Reconciler.ListenerView l : listeners) {
      if (!l.resolved) {
        unresolved.add(l.name + " (" + l.resolvedReason + ")");
      }
    }
    return unresolved.isEmpty()
        ? condition("ResolvedRefs", true, "ResolvedRefs", "", gen)
        : condition(
            "ResolvedRefs",
            false,
            "ListenersNotResolved",
            "listeners with unresolved references: " + String.join(", ", unresolved),
            gen);
  }

  /**
   * {@code InsecureFrontendValidationMode=True} when any frontend validation allows insecure
   * fallback, else null.
   */
  static ObjectNode insecureMode(ObjectNode gw, long gen) {
    JsonNode frontend = gw.path("spec").path("tls").path("frontend");
    List<String> where = new ArrayList<>();
    if ("AllowInsecureFallback"
        .equals(frontend.path("default").path("validation").path("mode").asText())) {
      where.add("default");
    }
    for (JsonNode p : frontend.path("perPort")) {
      if ("AllowInsecureFallback".equals(p.path("tls").path("validation").path("mode").asText())) {
        where.add("port " + p.path("port").asText());
      }
    }
    return where.isEmpty()
        ? null
        : condition(
            "InsecureFrontendValidationMode",
            true,
            "ConfigurationChanged",
            "client certificate validation allows insecure fallback: " + String.join(", ", where),
            gen);
  }
}
