package dev.gatewaysdk.model;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.gatewaysdk.model.internal.ModelCodec;
import org.immutables.value.Value;

/**
 * A fraction {@code numerator/denominator}, for example of requests to mirror.
 *
 * <p>Immutable and thread-safe. Fields unknown to this SDK are kept in {@link #unknownFields()}.
 */
@Value.Immutable
@JsonSerialize(using = ModelCodec.Writer.class)
@JsonDeserialize(using = ModelCodec.Reader.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonAutoDetect(
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public abstract class Fraction extends FractionBase implements WithFraction {
  Fraction() {}

  @Value.Check
  void check() {
    if (numerator() < 0) {
      throw new IllegalArgumentException("numerator must be >= 0: " + numerator());
    }
    if (denominator().isPresent() && denominator().get() <= 0) {
      throw new IllegalArgumentException("denominator must be > 0: " + denominator().get());
    }
    if (denominator().isPresent() && numerator() > denominator().get()) {
      throw new IllegalArgumentException(
          "numerator must be <= denominator: " + numerator() + "/" + denominator().get());
    }
  }

  /** The fraction {@code numerator/denominator}. */
  public static Fraction of(int numerator, int denominator) {
    return builder().numerator(numerator).denominator(denominator).build();
  }

  /** Builds {@link Fraction} instances; not thread-safe. */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonAutoDetect(setterVisibility = JsonAutoDetect.Visibility.NONE)
  public static final class Builder extends ImmutableFraction.Builder {
    Builder() {}
  }
}
