package dev.gatewaysdk.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.DeleteOptions;
import dev.gatewaysdk.core.ForbiddenException;
import dev.gatewaysdk.core.NotFoundException;
import dev.gatewaysdk.core.WriteOptions;
import dev.gatewaysdk.model.Gateway;
import dev.gatewaysdk.model.GatewayApiKind;
import dev.gatewaysdk.model.HTTPRoute;
import dev.gatewaysdk.model.ParentReference;
import dev.gatewaysdk.testing.internal.kube.Kube;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.AbstractAssert;

/**
 * Checks of what a {@link Tenant} may do, each asked the way the cluster decides it: the rules
 * through SelfSubjectAccessReviews ({@code kubectl auth can-i}), then one real request as the
 * tenant (a dry run where it would write). Not thread-safe.
 *
 * <pre>{@code
 * assertThat(tenantA).canEditRoutesIn("tenant-a").cannotEditRoutesIn("tenant-b").cannotTouch(gateway).cannotAttachTo(gateway);
 * }</pre>
 */
public final class TenantAssert extends AbstractAssert<TenantAssert, Tenant> {

  TenantAssert(Tenant tenant) {
    super(tenant, TenantAssert.class);
  }

  private static List<String> routePlurals() {
    List<String> l = new ArrayList<>();
    for (GatewayApiKind k : GatewayApiKind.values()) {
      if (k.plural().endsWith("routes")) {
        l.add(k.plural());
      }
    }
    return l;
  }

  private HTTPRoute probeRoute(String namespace, ParentReference parent) {
    return HTTPRoute.builder()
        .name("gatewaysdk-tenant-probe-" + UUID.randomUUID().toString().substring(0, 8))
        .namespace(namespace)
        .parentRef(parent)
        .build();
  }

  /**
   * The tenant may create, update, patch and delete every route kind in {@code namespace}, and a
   * dry-run create passes.
   */
  public TenantAssert canEditRoutesIn(String namespace) {
    isNotNull();
    for (String plural : routePlurals()) {
      for (String verb : Tenant.WRITE_VERBS) {
        if (!actual.can(verb, plural, namespace, null)) {
          failWithMessage(
              "Expected %s to be allowed to %s %s in namespace %s, but it is not",
              actual, verb, plural, namespace);
        }
      }
    }
    try {
      actual
          .client()
          .httpRoutes()
          .inNamespace(namespace)
          .create(probeRoute(namespace, ParentReference.gateway("any")), WriteOptions.dryRunOnly());
    } catch (ForbiddenException e) {
      failWithMessage(
          "Expected %s to be allowed to create an HTTPRoute in namespace %s, but the cluster answered: %s",
          actual, namespace, e.getMessage());
    }
    return this;
  }

  /**
   * The tenant may not create, update, patch or delete any route kind in {@code namespace}; a
   * dry-run create is forbidden.
   */
  public TenantAssert cannotEditRoutesIn(String namespace) {
    isNotNull();
    for (String plural : routePlurals()) {
      for (String verb : Tenant.WRITE_VERBS) {
        if (actual.can(verb, plural, namespace, null)) {
          failWithMessage(
              "Expected %s not to be allowed to %s %s in namespace %s, but it is",
              actual, verb, plural, namespace);
        }
      }
    }
    forbidden(
        () ->
            actual
                .client()
                .httpRoutes()
                .inNamespace(namespace)
                .create(
                    probeRoute(namespace, ParentReference.gateway("any")),
                    WriteOptions.dryRunOnly()),
        "create an HTTPRoute in namespace " + namespace);
    return this;
  }

  /**
   * The tenant may not update, patch or delete {@code gateway} nor write its status; a dry-run
   * patch and a dry-run delete are forbidden.
   */
  public TenantAssert cannotTouch(Gateway gateway) {
    isNotNull();
    String ns =
        gateway
            .metadata()
            .namespace()
            .orElseThrow(() -> new IllegalArgumentException("the Gateway has no namespace"));
    String name =
        gateway
            .metadata()
            .name()
            .orElseThrow(() -> new IllegalArgumentException("the Gateway has no name"));
    for (String resource : List.of("gateways", "gateways/status")) {
      for (String verb : Tenant.WRITE_VERBS) {
        if (!(resource.endsWith("status") && (verb.equals("create") || verb.equals("delete")))
            && actual.can(verb, resource, ns, name)) {
          failWithMessage(
              "Expected %s not to be allowed to %s %s %s/%s, but it is",
              actual, verb, resource, ns, name);
        }
      }
    }
    ObjectNode patch = Kube.JSON.createObjectNode();
    patch.putObject("metadata").putObject("labels").put("gatewaysdk.dev/tenant-probe", "true");
    forbidden(
        () ->
            actual
                .client()
                .gateways()
                .inNamespace(ns)
                .mergePatch(name, patch, WriteOptions.dryRunOnly()),
        "patch Gateway " + ns + "/" + name);
    forbidden(
        () ->
            actual
                .client()
                .gateways()
                .inNamespace(ns)
                .delete(name, DeleteOptions.builder().dryRun(true).build()),
        "delete Gateway " + ns + "/" + name);
    return this;
  }

  /** Fails unless {@code request}, made as the tenant, is answered 403. */
  private void forbidden(Runnable request, String what) {
    try {
      request.run();
    } catch (ForbiddenException expected) {
      return;
    }
    failWithMessage("Expected %s to be forbidden to %s, but the cluster admitted it", actual, what);
  }

  /**
   * A route the tenant creates in its namespace with {@code gateway} as parent is refused by the
   * Gateway's controller ({@code Accepted=False}, {@code NotAllowedByListeners}), waiting up to
   * {@link GatewayApiAssertions#DEFAULT_TIMEOUT}; the probe route is deleted afterwards. Needs a
   * cluster with a Gateway controller.
   */
  public TenantAssert cannotAttachTo(Gateway gateway) {
    isNotNull();
    String ns =
        gateway
            .metadata()
            .namespace()
            .orElseThrow(() -> new IllegalArgumentException("the Gateway has no namespace"));
    String name =
        gateway
            .metadata()
            .name()
            .orElseThrow(() -> new IllegalArgumentException("the Gateway has no name"));
    if (actual.cluster().gatewayClassName().isEmpty()) {
      throw new IllegalStateException(
          "cannotAttachTo needs a Gateway controller; the cluster runs none");
    }
    ParentReference parent = ParentReference.gateway(ns, name);
    HTTPRoute probe;
    try {
      probe =
          actual
              .client()
              .httpRoutes()
              .inNamespace(actual.namespace())
              .create(probeRoute(actual.namespace(), parent));
    } catch (ForbiddenException e) {
      failWithMessage(
          "Expected %s to create a probe HTTPRoute in its namespace %s, but the cluster answered: %s",
          actual, actual.namespace(), e.getMessage());
      return this;
    }
    try {
      GatewayApiAssertions.awaitThat(actual.client(), probe)
          .isNotAcceptedBy(parent, "NotAllowedByListeners");
    } finally {
      try {
        actual
            .client()
            .httpRoutes()
            .inNamespace(actual.namespace())
            .delete(probe.metadata().name().orElseThrow());
      } catch (NotFoundException gone) {
        // deleted already
      }
    }
    return this;
  }
}
