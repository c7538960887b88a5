package dev.gatewaysdk.core.validation.internal;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.CelStandardFunctions;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The CEL environment of CRD validation rules: standard macros (has, all, exists, exists_one, map,
 * filter), the strings and optional extensions, heterogeneous numeric equality, and the parts of
 * the Kubernetes CEL libraries that CRD rules use: {@code isIP}, {@code isCIDR}, {@code isURL},
 * {@code find}/{@code findAll} and {@code format.<name>().validate(s)}. {@code self} and {@code
 * oldSelf} are dynamically typed. Built once; the compilers and the runtime are immutable and
 * thread-safe.
 */
public final class KubernetesCel {
  /** The API server's limit for one rule evaluation (apiextensions PerCallLimit). */
  public static final long PER_CALL_COST_LIMIT = 1_000_000L;

  /** The API server's budget for all rules of one object (apiextensions RuntimeCELCostBudget). */
  public static final long RUNTIME_COST_BUDGET = 10_000_000L;

  static final OpaqueType FORMAT = OpaqueType.create("kubernetes.NamedFormat");

  private static final CelOptions OPTIONS =
      CelOptions.current()
          .enableHeterogeneousNumericComparisons(true)
          .enableOptionalSyntax(true)
          .build();

  /** A named Kubernetes format, the value of {@code format.dns1123Label()}. */
  record NamedFormat(String name, Function<String, List<String>> check) {}

  private static final Map<String, Function<String, List<String>>> FORMATS =
      Map.ofEntries(
          Map.entry("dns1123Label", MetadataValidator::dns1123Label),
          Map.entry("dns1123Subdomain", MetadataValidator::dns1123Subdomain),
          Map.entry("dns1035Label", KubernetesCel::dns1035Label),
          Map.entry("qualifiedName", MetadataValidator::qualifiedName),
          Map.entry("labelValue", KubernetesCel::labelValue),
          Map.entry("uri", s -> Formats.matches("uri", s) ? List.of() : List.of("invalid URI")),
          Map.entry("uuid", s -> Formats.matches("uuid", s) ? List.of() : List.of("invalid UUID")),
          Map.entry(
              "byte", s -> Formats.matches("byte", s) ? List.of() : List.of("invalid base64")),
          Map.entry("date", s -> Formats.matches("date", s) ? List.of() : List.of("invalid date")),
          Map.entry(
              "datetime",
              s -> Formats.matches("date-time", s) ? List.of() : List.of("invalid datetime")));

  private static final CelCompiler COMPILER = compiler(SimpleType.DYN);
  private static final CelCompiler OPTIONAL_OLD_SELF_COMPILER =
      compiler(OptionalType.create(SimpleType.DYN));
  private static final CelRuntime RUNTIME = buildRuntime();

  private KubernetesCel() {}

  /**
   * The compiler for rules; {@code optionalOldSelf} types {@code oldSelf} as {@code optional(dyn)}.
   */
  public static CelCompiler compiler(boolean optionalOldSelf) {
    return optionalOldSelf ? OPTIONAL_OLD_SELF_COMPILER : COMPILER;
  }

  public static CelRuntime runtime() {
    return RUNTIME;
  }

  private static CelCompiler compiler(CelType oldSelfType) {
    CelCompilerBuilder b =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addLibraries(
                CelExtensions.strings(), CelExtensions.optional(), CelExtensions.encoders(OPTIONS))
            .addVar("self", SimpleType.DYN)
            .addVar("oldSelf", oldSelfType);
    b.addFunctionDeclarations(
        CelFunctionDecl.newFunctionDeclaration(
            "isIP",
            CelOverloadDecl.newGlobalOverload(
                "k8s_is_ip_string", SimpleType.BOOL, SimpleType.STRING)),
        CelFunctionDecl.newFunctionDeclaration(
            "isCIDR",
            CelOverloadDecl.newGlobalOverload(
                "k8s_is_cidr_string", SimpleType.BOOL, SimpleType.STRING)),
        CelFunctionDecl.newFunctionDeclaration(
            "isURL",
            CelOverloadDecl.newGlobalOverload(
                "k8s_is_url_string", SimpleType.BOOL, SimpleType.STRING)),
        CelFunctionDecl.newFunctionDeclaration(
            "find",
            CelOverloadDecl.newMemberOverload(
                "k8s_string_find_string", SimpleType.STRING, SimpleType.STRING, SimpleType.STRING)),
        CelFunctionDecl.newFunctionDeclaration(
            "findAll",
            CelOverloadDecl.newMemberOverload(
                "k8s_string_find_all_string",
                ListType.create(SimpleType.STRING),
                SimpleType.STRING,
                SimpleType.STRING)),
        CelFunctionDecl.newFunctionDeclaration(
            "validate",
            CelOverloadDecl.newMemberOverload(
                "k8s_format_validate_string", SimpleType.DYN, FORMAT, SimpleType.STRING)));
    for (String name : FORMATS.keySet()) {
      b.addFunctionDeclarations(
          CelFunctionDecl.newFunctionDeclaration(
              "format." + name, CelOverloadDecl.newGlobalOverload("k8s_format_" + name, FORMAT)));
    }
    return b.build();
  }

  private static CelRuntime buildRuntime() {
    List<CelFunctionBinding> bindings = new ArrayList<>();
    // CEL's own matches() compiles its pattern on every call; rules use a handful of constant
    // patterns.
    bindings.add(
        CelFunctionBinding.from("matches", String.class, String.class, KubernetesCel::matches));
    bindings.add(
        CelFunctionBinding.from(
            "matches_string", String.class, String.class, KubernetesCel::matches));
    bindings.add(CelFunctionBinding.from("k8s_is_ip_string", String.class, Formats::isIP));
    bindings.add(
        CelFunctionBinding.from("k8s_is_cidr_string", String.class, s -> Formats.isCidr(s, false)));
    bindings.add(CelFunctionBinding.from("k8s_is_url_string", String.class, KubernetesCel::isUrl));
    bindings.add(
        CelFunctionBinding.from(
            "k8s_string_find_string",
            String.class,
            String.class,
            (s, re) -> {
              Matcher m = Pattern.compile(re).matcher(s);
              return m.find() ? m.group() : "";
            }));
    bindings.add(
        CelFunctionBinding.from(
            "k8s_string_find_all_string",
            String.class,
            String.class,
            (s, re) -> {
              Matcher m = Pattern.compile(re).matcher(s);
              List<String> out = new ArrayList<>();
              while (m.find()) {
                out.add(m.group());
              }
              return out;
            }));
    bindings.add(
        CelFunctionBinding.from(
            "k8s_format_validate_string",
            NamedFormat.class,
            String.class,
            (f, s) -> {
              List<String> errs = f.check().apply(s);
              // The API server returns no value for a valid string; rules compare the result with
              // null.
              return errs.isEmpty() ? (Object) com.google.protobuf.NullValue.NULL_VALUE : errs;
            }));
    for (Map.Entry<String, Function<String, List<String>>> e : FORMATS.entrySet()) {
      NamedFormat f = new NamedFormat(e.getKey(), e.getValue());
      bindings.add(CelFunctionBinding.from("k8s_format_" + e.getKey(), List.of(), args -> f));
    }
    return CelRuntimeFactory.standardCelRuntimeBuilder()
        .setOptions(OPTIONS)
        .setStandardEnvironmentEnabled(false)
        .setStandardFunctions(
            CelStandardFunctions.newBuilder()
                .excludeFunctions(CelStandardFunctions.StandardFunction.MATCHES)
                .build())
        .addLibraries(
            CelExtensions.strings(), CelExtensions.optional(), CelExtensions.encoders(OPTIONS))
        .addFunctionBindings(bindings)
        .build();
  }

  private static final int MAX_CACHED_PATTERNS = 1024;
  private static final ConcurrentHashMap<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  /** RE2 {@code find} semantics, as CEL's {@code matches}; compiled patterns are kept (bounded). */
  private static boolean matches(String s, String regex) {
    Pattern p = PATTERNS.get(regex);
    if (p == null) {
      p = Pattern.compile(regex);
      if (PATTERNS.size() < MAX_CACHED_PATTERNS) {
        PATTERNS.putIfAbsent(regex, p);
      }
    }
    return p.matcher(s).find();
  }

  private static boolean isUrl(String s) {
    try {
      URI u = new URI(s);
      return u.isAbsolute() || s.startsWith("/");
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static List<String> dns1035Label(String v) {
    List<String> errs = new ArrayList<>();
    if (v.length() > 63) {
      errs.add("must be no more than 63 characters");
    }
    if (!v.matches("[a-z]([-a-z0-9]*[a-z0-9])?")) {
      errs.add(
          "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic "
              + "character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for "
              + "validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
    }
    return errs;
  }

  private static List<String> labelValue(String v) {
    List<String> errs = new ArrayList<>();
    if (v.length() > 63) {
      errs.add("must be no more than 63 characters");
    }
    if (!v.isEmpty() && !v.matches("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]")) {
      errs.add(
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and "
              + "must start and end with an alphanumeric character");
    }
    return errs;
  }
}
