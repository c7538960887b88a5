/**
 * The Gateway API model: immutable values for every kind, manifests in and out. Only {@code
 * dev.gatewaysdk.model} is API; the codecs and readers are shared with the SDK's other modules
 * only.
 */
module dev.gatewaysdk.model {
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires com.fasterxml.jackson.datatype.jdk8;
  requires org.yaml.snakeyaml;
  requires org.slf4j;
  requires java.net.http;
  requires static org.immutables.value;
  // @Generated (source retention) on the classes gatewaysdk-model-generator writes
  requires static java.compiler;

  exports dev.gatewaysdk.model;
  exports dev.gatewaysdk.model.internal to
      dev.gatewaysdk.core,
      dev.gatewaysdk.testing,
      dev.gatewaysdk.canary;
  exports dev.gatewaysdk.model.internal.manifest to
      dev.gatewaysdk.core,
      dev.gatewaysdk.testing;

  // Jackson creates the values and their codecs reflectively.
  opens dev.gatewaysdk.model to
      com.fasterxml.jackson.databind;
  opens dev.gatewaysdk.model.internal to
      com.fasterxml.jackson.databind;
}
