package dev.gatewaysdk.model;

/**
 * The hand-written part of {@link AllowedRoutes}, which extends this class; the rest is generated
 * from the CRD schema (gatewaysdk-model-generator).
 */
abstract class AllowedRoutesShortcuts {
  AllowedRoutesShortcuts() {}

  /** Routes from the namespaces {@code from} selects (use {@link FromNamespaces#ALL} for all). */
  public static AllowedRoutes fromNamespaces(FromNamespaces from) {
    return AllowedRoutes.builder().namespaces(RouteNamespaces.builder().from(from).build()).build();
  }

  /** Routes from namespaces carrying all of {@code labels}. */
  public static AllowedRoutes fromNamespacesWithLabels(java.util.Map<String, String> labels) {
    return AllowedRoutes.builder()
        .namespaces(
            RouteNamespaces.builder()
                .from(FromNamespaces.SELECTOR)
                .selector(LabelSelector.matchingLabels(labels))
                .build())
        .build();
  }
}
