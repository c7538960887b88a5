package dev.gatewaysdk.model;

import org.immutables.value.Value;

/**
 * The hand-written part of {@link Fraction}, which extends this class; the rest is generated from
 * the CRD schema (gatewaysdk-model-generator).
 */
abstract class FractionShortcuts {
  FractionShortcuts() {}

  @Value.Check
  void check() {
    if (self().numerator() < 0) {
      throw new IllegalArgumentException("numerator must be >= 0: " + self().numerator());
    }
    if (self().denominator().isPresent() && self().denominator().get() <= 0) {
      throw new IllegalArgumentException("denominator must be > 0: " + self().denominator().get());
    }
    if (self().denominator().isPresent() && self().numerator() > self().denominator().get()) {
      throw new IllegalArgumentException(
          "numerator must be <= denominator: "
              + self().numerator()
              + "/"
              + self().denominator().get());
    }
  }

  /** The fraction {@code numerator/denominator}. */
  public static Fraction of(int numerator, int denominator) {
    return Fraction.builder().numerator(numerator).denominator(denominator).build();
  }

  private Fraction self() {
    return (Fraction) this;
  }
}
