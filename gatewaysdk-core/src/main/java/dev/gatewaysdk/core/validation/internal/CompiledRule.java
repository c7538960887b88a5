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
    boolean optionalOldSelf) {}
