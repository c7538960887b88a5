package dev.gatewaysdk.core.validation.internal;

import dev.cel.runtime.CelRuntime;

/**
 * One {@code x-kubernetes-validations} entry compiled: the rule program, and the optional message
 * expression program. Immutable; programs are thread-safe.
 */
public record CompiledRule(
    String rule,
    CelRuntime.Program program,
    String message,
    String messageExpression,
    CelRuntime.Program messageProgram,
    String reason,
    String fieldPath,
    boolean transition,
    boolean optionalOldSelf,
    int astSize,
    int comprehensionDepth) {

  /**
   * Whether one evaluation over a value of {@code size} units certainly stays within {@code limit}:
   * each AST node runs at most once per iteration of each enclosing comprehension, and a
   * comprehension iterates at most {@code size} times. Rules that pass this check run without
   * per-step accounting.
   */
  public boolean boundedBy(long size, long limit) {
    double bound = (double) astSize * Math.pow(size + 1, comprehensionDepth) * (1 + size / 16.0);
    return bound <= limit;
  }
}
