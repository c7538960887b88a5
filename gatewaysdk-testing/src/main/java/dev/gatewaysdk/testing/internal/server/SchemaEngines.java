package dev.gatewaysdk.testing.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatewaysdk.core.FieldValidation;
import dev.gatewaysdk.core.validation.Cause;
import dev.gatewaysdk.core.validation.CompiledCrd;
import dev.gatewaysdk.core.validation.ValidationResult;
import java.util.ArrayList;
import java.util.List;

/** The schema engine of the server: the core validation engine ({@link CompiledCrd}) per CRD. */
final class SchemaEngines {
  private SchemaEngines() {}

  static SchemaEngine detect() {
    return new CoreEngine();
  }

  /** Adapts {@link CompiledCrd}: defaults, structural and CEL validation, pruning. */
  static final class CoreEngine implements SchemaEngine {
    private static final java.util.concurrent.ExecutorService COMPILER =
        java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "gatewaysdk-apiserver-crd-compiler");
              t.setDaemon(true);
              return t;
            });

    private static CompiledCrd compiled(ResourceType type) {
      Object c = type.compiled;
      if (c instanceof CompiledCrd) {
        return (CompiledCrd) c;
      }
      CompiledCrd done;
      if (c instanceof java.util.concurrent.Future) {
        try {
          done =
              ((java.util.concurrent.Future<?>) c).get() instanceof CompiledCrd
                  ? (CompiledCrd) ((java.util.concurrent.Future<?>) c).get()
                  : CompiledCrd.compile(type.crd);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          done = CompiledCrd.compile(type.crd);
        } catch (java.util.concurrent.ExecutionException e) {
          done = CompiledCrd.compile(type.crd);
        }
      } else {
        done = CompiledCrd.compile(type.crd);
      }
      type.compiled = done;
      return done;
    }

    /**
     * Compiles in the background so that starting the server and registering CRDs stays fast; the
     * first request that needs the CRD waits for it. The engine caches compilations per JVM by
     * content.
     */
    @Override
    public Object prepare(JsonNode crd) {
      return COMPILER.submit(() -> CompiledCrd.compile(crd));
    }

    @Override
    public ObjectNode defaults(ResourceType type, String version, ObjectNode obj) {
      if (type.crd == null) {
        return obj;
      }
      return compiled(type).applyDefaults(version, obj);
    }

    @Override
    public ObjectNode prune(ResourceType type, String version, ObjectNode obj) {
      if (type.crd == null) {
        // Built-ins decode into typed objects, which keeps only the fields the kind declares.
        CompiledCrd builtin = BuiltinSchemas.compiled(type, version);
        return builtin == null ? obj : builtin.prune(version, obj);
      }
      return compiled(type).prune(version, obj);
    }

    @Override
    public Outcome validate(
        ResourceType type,
        String version,
        ObjectNode obj,
        ObjectNode old,
        String mode,
        boolean status) {
      CompiledCrd crd = type.crd == null ? BuiltinSchemas.compiled(type, version) : compiled(type);
      if (crd == null) {
        return Outcome.OK;
      }
      ValidationResult r =
          status && crd.hasStatusSubresource(version)
              ? crd.validateStatus(version, obj, old, FieldValidation.parse(mode))
              : crd.validate(version, obj, old, FieldValidation.parse(mode));
      if (r.valid() && r.warnings().isEmpty()) {
        return Outcome.OK;
      }
      List<String[]> causes = new ArrayList<>();
      List<String> unknown = new ArrayList<>();
      for (Cause c : r.causes()) {
        if (c.reason().equals(Cause.FIELD_VALUE_UNKNOWN)) {
          unknown.add(c.field());
        } else {
          causes.add(new String[] {c.field(), c.reason(), c.message()});
        }
      }
      return new Outcome(causes, r.warnings(), unknown);
    }
  }
}
