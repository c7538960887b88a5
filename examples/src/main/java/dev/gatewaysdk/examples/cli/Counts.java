package dev.gatewaysdk.examples.cli;

/** Counted nouns in the CLI's texts. */
final class Counts {
  private Counts() {}

  /** {@code n} and the noun, singular for one: {@code 1 request}, {@code 2 requests}. */
  static String of(long n, String noun) {
    return n + " " + (n == 1 ? noun : noun + "s");
  }
}
