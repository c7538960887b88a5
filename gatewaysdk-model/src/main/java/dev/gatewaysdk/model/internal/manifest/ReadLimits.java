package dev.gatewaysdk.model.internal.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The safety limits of reading, with the parser factories configured for them (built once,
 * thread-safe); validated by the public reader that creates them.
 */
public final class ReadLimits {
  /**
   * Nodes that alias expansion may add to one document; stops "billion laughs" expansions early.
   */
  public static final int MAX_ALIAS_NODES = 100_000;

  /**
   * Characters a parser may read ahead of its position; the in-flight size check allows for them.
   */
  static final int READ_AHEAD = 16 * 1024;

  final int maxDocumentChars;
  final int maxNestingDepth;
  final int maxAliases;
  final JsonFactory json;

  /**
   * The parsers of the fast path ({@link ObjectBinding#readPlain}): the nesting limit exactly, so
   * that deeper input fails there and the located tree path words the error; no duplicate
   * detection, which the model's codecs do themselves at a fraction of the cost.
   */
  final JsonFactory plainJson;

  final YAMLFactory yaml;

  public ReadLimits(int maxDocumentChars, int maxNestingDepth, int maxAliases) {
    this.maxDocumentChars = maxDocumentChars;
    this.maxNestingDepth = maxNestingDepth;
    this.maxAliases = maxAliases;
    // the tree reader enforces these itself with better messages; the parser limits are the
    // backstop
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(maxNestingDepth + 1)
            .maxStringLength(Math.max(maxDocumentChars, 1024))
            .maxNameLength(Math.max(Math.min(maxDocumentChars, 50_000), 1024))
            .build();
    this.json = JsonFactory.builder().streamReadConstraints(constraints).build();
    this.plainJson =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(maxNestingDepth)
                    .maxStringLength(Math.max(maxDocumentChars, 1024))
                    .maxNameLength(Math.max(Math.min(maxDocumentChars, 50_000), 1024))
                    .build())
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
            .build();
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(Math.max(1, maxAliases));
    options.setNestingDepthLimit(maxNestingDepth);
    options.setCodePointLimit(
        (int) Math.min(Integer.MAX_VALUE, (long) maxDocumentChars + READ_AHEAD));
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    this.yaml =
        YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints).build();
  }
}
