package dev.gatewaysdk.testing;

import dev.gatewaysdk.core.GatewayApiClient;
import dev.gatewaysdk.core.RouteManager;
import io.kubernetes.client.openapi.ApiClient;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The extension behind {@link GatewayApiTest}. */
final class GatewayApiExtension
    implements ExecutionCondition,
        BeforeAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayApiExtension.class);
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(GatewayApiExtension.class);
  private static final String NAMESPACE_KEY = "testNamespace";

  /** A started cluster in the root store: closed at the end of the run. */
  @SuppressWarnings("deprecation") // CloseableResource: JUnit before 5.13 only closes these
  static final class ClusterResource
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final GatewayCluster cluster;
    final RouteManager routeManager;

    ClusterResource(GatewayCluster cluster) {
      this.cluster = cluster;
      this.routeManager = RouteManager.create(cluster.client());
    }

    @Override
    public void close() {
      LOG.debug("closing {}", cluster);
      cluster.close();
    }
  }

  /**
   * Why a configuration cannot run here; stored so a second class of the same configuration skips
   * fast.
   */
  static final class Unavailable {
    final String reason;

    Unavailable(String reason) {
      this.reason = reason;
    }
  }

  /** Backends that cannot run here disable the tests, with the reason, rather than failing them. */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (context.getTestClass().isEmpty()) {
      return ConditionEvaluationResult.enabled("not a test class");
    }
    GatewayClusterOptions options;
    try {
      options = options(settings(context));
    } catch (ExtensionConfigurationException e) {
      // Reported as such by beforeAll; a failing condition would wrap it.
      return ConditionEvaluationResult.enabled("misconfigured: " + e.getMessage());
    }
    Optional<String> reason = GatewayCluster.availability(options);
    return reason.isPresent()
        ? ConditionEvaluationResult.disabled(
            "@GatewayApiTest(backend = " + options.backend() + ") skipped: " + reason.get())
        : ConditionEvaluationResult.enabled(options.backend() + " backend available");
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    injectFields(context.getRequiredTestClass(), null, resource(context), null, true);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ClusterResource r = resource(context);
    TestNamespace ns = namespaceFor(context, r);
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      injectFields(instance.getClass(), instance, r, ns, false);
    }
  }

  /**
   * The test's namespace, created on first use: by a constructor parameter (the instance of a
   * per-method lifecycle is created in the method's context, see {@link
   * #getTestInstantiationExtensionContextScope}) or else in {@link #beforeEach}.
   */
  private static TestNamespace namespaceFor(ExtensionContext context, ClusterResource r) {
    TestNamespace existing = context.getStore(NAMESPACE).get(NAMESPACE_KEY, TestNamespace.class);
    if (existing != null) {
      return existing;
    }
    String hint =
        context.getRequiredTestClass().getSimpleName()
            + "-"
            + context.getTestMethod().map(m -> m.getName()).orElse("test");
    TestNamespace ns = TestNamespace.of(r.cluster.createTestNamespace(hint));
    context.getStore(NAMESPACE).put(NAMESPACE_KEY, ns);
    return ns;
  }

  /**
   * Constructors of per-method instances are resolved in the test method's context, so they can get
   * its namespace.
   */
  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(
      ExtensionContext rootContext) {
    return ExtensionContextScope.TEST_METHOD;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestNamespace ns = context.getStore(NAMESPACE).remove(NAMESPACE_KEY, TestNamespace.class);
    if (ns == null) {
      return;
    }
    GatewayCluster cluster = cluster(context);
    if (context.getExecutionException().isPresent() && settings(context).keepNamespaceOnFailure()) {
      LOG.info(
          "{} failed; kept namespace {} for inspection (kubectl --kubeconfig {} -n {} get gateways,httproutes -o yaml)",
          context.getDisplayName(),
          ns,
          cluster.kubeconfigFile(),
          ns);
      return;
    }
    try {
      cluster.deleteNamespace(ns.name());
    } catch (RuntimeException e) {
      LOG.warn("cannot delete test namespace {}: {}", ns, e.getMessage());
    }
  }

  @Override
  public boolean supportsParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    return injectable(parameterContext.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
    Class<?> type = parameterContext.getParameter().getType();
    if (type == TestNamespace.class) {
      TestNamespace ns = findNamespace(context);
      if (ns == null && context.getTestMethod().isPresent()) {
        ns = namespaceFor(context, resource(context));
      }
      if (ns == null) {
        throw new ParameterResolutionException(
            "a TestNamespace exists only around a test method (@Test, @BeforeEach, "
                + "@AfterEach), not for "
                + parameterContext.getDeclaringExecutable());
      }
      return ns;
    }
    return valueFor(type, resource(context), null);
  }

  private static TestNamespace findNamespace(ExtensionContext context) {
    for (Optional<ExtensionContext> c = Optional.of(context);
        c.isPresent();
        c = c.get().getParent()) {
      TestNamespace ns = c.get().getStore(NAMESPACE).get(NAMESPACE_KEY, TestNamespace.class);
      if (ns != null) {
        return ns;
      }
    }
    return null;
  }

  private static boolean injectable(Class<?> type) {
    return type == GatewayCluster.class
        || type == ApiClient.class
        || type == GatewayApiClient.class
        || type == RouteManager.class
        || type == TestNamespace.class;
  }

  private static Object valueFor(Class<?> type, ClusterResource r, TestNamespace ns) {
    if (type == GatewayCluster.class) {
      return r.cluster;
    } else if (type == ApiClient.class) {
      return r.cluster.apiClient();
    } else if (type == GatewayApiClient.class) {
      return r.cluster.client();
    } else if (type == RouteManager.class) {
      return r.routeManager;
    }
    return ns;
  }

  private static void injectFields(
      Class<?> testClass, Object instance, ClusterResource r, TestNamespace ns, boolean statics) {
    for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!injectable(f.getType()) || f.isSynthetic()) {
          continue;
        }
        boolean isStatic = Modifier.isStatic(f.getModifiers());
        if (isStatic != statics) {
          continue;
        }
        if (Modifier.isFinal(f.getModifiers())) {
          if (isStatic || readField(f, instance) == null) {
            throw new ExtensionConfigurationException(
                "@GatewayApiTest cannot inject into final field "
                    + c.getName()
                    + "."
                    + f.getName()
                    + "; make it non-final, or take it as a constructor parameter and set it there");
          }
          continue; // set by the constructor (constructor injection): left as it is
        }
        if (isStatic && f.getType() == TestNamespace.class) {
          throw new ExtensionConfigurationException(
              "@GatewayApiTest: TestNamespace field "
                  + c.getName()
                  + "."
                  + f.getName()
                  + " must not be static (each test has its own namespace)");
        }
        try {
          f.setAccessible(true);
          f.set(instance, valueFor(f.getType(), r, ns));
        } catch (ReflectiveOperationException | RuntimeException e) {
          throw new ExtensionConfigurationException(
              "@GatewayApiTest cannot set field " + c.getName() + "." + f.getName(), e);
        }
      }
    }
  }

  private static Object readField(Field f, Object instance) {
    try {
      f.setAccessible(true);
      return f.get(instance);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new ExtensionConfigurationException("@GatewayApiTest cannot read field " + f, e);
    }
  }

  private static GatewayCluster cluster(ExtensionContext context) {
    return resource(context).cluster;
  }

  private static ClusterResource resource(ExtensionContext context) {
    GatewayClusterOptions options = options(settings(context));
    ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
    Object unavailable = root.get(new UnavailableKey(options));
    if (unavailable instanceof Unavailable) {
      Assumptions.abort(((Unavailable) unavailable).reason);
    }
    Optional<String> reason = GatewayCluster.availability(options);
    if (reason.isPresent()) {
      root.put(new UnavailableKey(options), new Unavailable(reason.get()));
      Assumptions.abort(
          "@GatewayApiTest(backend = " + options.backend() + ") skipped: " + reason.get());
    }
    ClusterResource r =
        root.getOrComputeIfAbsent(
            options,
            o -> {
              LOG.info("starting {}", options);
              return new ClusterResource(GatewayCluster.start(options));
            },
            ClusterResource.class);
    return r;
  }

  private static final class UnavailableKey {
    final GatewayClusterOptions options;

    UnavailableKey(GatewayClusterOptions options) {
      this.options = options;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof UnavailableKey && ((UnavailableKey) o).options.equals(options);
    }

    @Override
    public int hashCode() {
      return options.hashCode() * 31 + 7;
    }
  }

  private static GatewayApiTest settings(ExtensionContext context) {
    for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
      Optional<GatewayApiTest> a = AnnotationSupport.findAnnotation(c, GatewayApiTest.class);
      if (a.isPresent()) {
        return a.get();
      }
    }
    throw new ExtensionConfigurationException(
        "GatewayApiExtension needs @GatewayApiTest on "
            + context.getRequiredTestClass().getName()
            + " or an enclosing class; register it through that annotation");
  }

  static GatewayClusterOptions options(GatewayApiTest a) {
    try {
      return GatewayClusterOptions.builder()
          .backend(a.backend())
          .release(a.release())
          .channel(a.channel())
          .controller(a.controller())
          .authorization(a.authorization())
          .build();
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException("invalid @GatewayApiTest: " + e.getMessage(), e);
    }
  }
}
