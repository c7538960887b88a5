package dev.gatewaysdk.core.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles every {@code x-kubernetes-validations} rule of a schema tree and attaches the programs
 * to the nodes.
 */
public final class CelRules {
  /** A rule that did not compile; the message names the schema path and the rule. */
  public static final class RuleCompileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public final String rule;

    RuleCompileException(String rule, String message, Throwable cause) {
      super(message, cause);
      this.rule = rule;
    }
  }

  private CelRules() {}

  /**
   * Compiles all rules below {@code root}; returns how many were compiled.
   *
   * @throws RuleCompileException on the first rule or message expression that does not compile
   */
  public static int compileAll(Schema root) {
    return compile(root, "openAPIV3Schema");
  }

  private static int compile(Schema s, String path) {
    int n = 0;
    if (!s.validationRules.isEmpty()) {
      List<CompiledRule> out = new ArrayList<>();
      for (JsonNode r : s.validationRules) {
        out.add(compileRule(r, path));
      }
      s.setRules(out);
      n += out.size();
    }
    for (var e : s.properties.entrySet()) {
      n += compile(e.getValue(), path + ".properties." + e.getKey());
    }
    if (s.items != null) {
      n += compile(s.items, path + ".items");
    }
    if (s.additionalProperties != null) {
      n += compile(s.additionalProperties, path + ".additionalProperties");
    }
    if (n > 0) {
      s.markSubtreeHasRules();
    }
    return n;
  }

  /**
   * A compiled rule expression; identical rules recur across versions and kinds, so programs are
   * shared.
   */
  private record Planned(
      CelRuntime.Program program, boolean transition, int astSize, int comprehensionDepth) {}

  private static final int PLAN_CACHE_LIMIT = 20_000;
  private static final Map<String, Planned> RULES = new ConcurrentHashMap<>();
  private static final Map<String, CelRuntime.Program> MESSAGES = new ConcurrentHashMap<>();

  private static CompiledRule compileRule(JsonNode r, String path) {
    String rule = r.path("rule").asText("");
    if (rule.isBlank()) {
      throw new RuleCompileException(
          rule, path + ".x-kubernetes-validations: rule must not be empty", null);
    }
    boolean optionalOldSelf = r.path("optionalOldSelf").asBoolean(false);
    Planned planned = RULES.get(optionalOldSelf + "\u0000" + rule);
    if (planned == null) {
      planned = planRule(rule, optionalOldSelf, path);
      if (RULES.size() >= PLAN_CACHE_LIMIT) {
        RULES.clear();
      }
      RULES.put(optionalOldSelf + "\u0000" + rule, planned);
    }
    String messageExpression =
        r.hasNonNull("messageExpression") ? r.get("messageExpression").asText() : null;
    CelRuntime.Program messageProgram = null;
    if (messageExpression != null) {
      messageProgram = MESSAGES.get(optionalOldSelf + "\u0000" + messageExpression);
      if (messageProgram == null) {
        messageProgram = planMessage(rule, messageExpression, optionalOldSelf, path);
        if (MESSAGES.size() >= PLAN_CACHE_LIMIT) {
          MESSAGES.clear();
        }
        MESSAGES.put(optionalOldSelf + "\u0000" + messageExpression, messageProgram);
      }
    }
    return new CompiledRule(
        rule,
        planned.program(),
        r.hasNonNull("message") ? r.get("message").asText() : null,
        messageExpression,
        messageProgram,
        r.hasNonNull("reason") ? r.get("reason").asText() : null,
        r.hasNonNull("fieldPath") ? r.get("fieldPath").asText() : null,
        planned.transition(),
        optionalOldSelf,
        planned.astSize(),
        planned.comprehensionDepth());
  }

  private static Planned planRule(String rule, boolean optionalOldSelf, String path) {
    CelAbstractSyntaxTree ast;
    try {
      ast = KubernetesCel.compiler(optionalOldSelf).compile(rule).getAst();
    } catch (CelValidationException e) {
      throw new RuleCompileException(
          rule,
          path
              + ".x-kubernetes-validations rule "
              + GoValues.quote(rule)
              + " does not compile: "
              + e.getMessage(),
          e);
    }
    if (!ast.getResultType().equals(SimpleType.BOOL)
        && !ast.getResultType().equals(SimpleType.DYN)) {
      throw new RuleCompileException(
          rule,
          path
              + ".x-kubernetes-validations rule "
              + GoValues.quote(rule)
              + " must evaluate to a bool, not "
              + ast.getResultType(),
          null);
    }
    try {
      return new Planned(
          KubernetesCel.runtime().createProgram(ast),
          referencesOldSelf(ast),
          (int) CelNavigableAst.fromAst(ast).getRoot().allNodes().count(),
          comprehensionDepth(ast));
    } catch (CelEvaluationException e) {
      throw new RuleCompileException(
          rule,
          path
              + ".x-kubernetes-validations rule "
              + GoValues.quote(rule)
              + " cannot be planned: "
              + e.getMessage(),
          e);
    }
  }

  private static CelRuntime.Program planMessage(
      String rule, String messageExpression, boolean optionalOldSelf, String path) {
    try {
      CelAbstractSyntaxTree m =
          KubernetesCel.compiler(optionalOldSelf).compile(messageExpression).getAst();
      if (!m.getResultType().equals(SimpleType.STRING)
          && !m.getResultType().equals(SimpleType.DYN)) {
        throw new RuleCompileException(
            rule,
            path
                + ".x-kubernetes-validations messageExpression "
                + GoValues.quote(messageExpression)
                + " must evaluate to a string",
            null);
      }
      return KubernetesCel.runtime().createProgram(m);
    } catch (CelValidationException | CelEvaluationException e) {
      throw new RuleCompileException(
          rule,
          path
              + ".x-kubernetes-validations messageExpression "
              + GoValues.quote(messageExpression)
              + " does not compile: "
              + e.getMessage(),
          e);
    }
  }

  private static int comprehensionDepth(CelAbstractSyntaxTree ast) {
    return CelNavigableAst.fromAst(ast)
        .getRoot()
        .allNodes()
        .filter(n -> n.getKind() == CelExpr.ExprKind.Kind.COMPREHENSION)
        .mapToInt(
            n -> {
              int d = 0;
              for (var p = n.parent(); p.isPresent(); p = p.get().parent()) {
                if (p.get().getKind() == CelExpr.ExprKind.Kind.COMPREHENSION) {
                  d++;
                }
              }
              return d + 1;
            })
        .max()
        .orElse(0);
  }

  private static boolean referencesOldSelf(CelAbstractSyntaxTree ast) {
    return CelNavigableAst.fromAst(ast)
        .getRoot()
        .allNodes()
        .anyMatch(
            n ->
                n.expr().exprKind().getKind() == CelExpr.ExprKind.Kind.IDENT
                    && n.expr().ident().name().equals("oldSelf"));
  }
}
