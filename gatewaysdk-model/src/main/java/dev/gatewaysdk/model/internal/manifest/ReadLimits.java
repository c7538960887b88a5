package dev.gatewaysdk.model.internal.manifest;

/** The safety limits of one read; validated by the public reader that creates them. */
public final class ReadLimits {
  /** Nodes that alias expansion may add to one document; stops "billion laughs" expansions early. */
  public static final int MAX_ALIAS_NODES = 100_000;

  final int maxDocumentChars;
  final int maxNestingDepth;
  final int maxAliases;

  public ReadLimits(int maxDocumentChars, int maxNestingDepth, int maxAliases) {
    this.maxDocumentChars = maxDocumentChars;
    this.maxNestingDepth = maxNestingDepth;
    this.maxAliases = maxAliases;
  }
}
