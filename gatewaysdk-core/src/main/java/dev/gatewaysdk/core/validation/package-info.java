/**
 * Validation and defaulting of custom resources exactly as the Kubernetes API server performs them:
 * structural schemas, pruning of unknown fields, ObjectMeta checks and {@code
 * x-kubernetes-validations} CEL rules, with results shaped like the server's 422 Invalid status.
 *
 * <pre>{@code
 * GatewayApiValidator v = GatewayApiValidator.forRelease(CrdSource.LATEST_RELEASE, Channel.STANDARD);
 * ValidationResult r = v.validate(yamlMapper.readTree(manifest));
 * r.causes().forEach(c -> System.out.println(c.field() + ": " + c.message()));
 * }</pre>
 */
package dev.gatewaysdk.core.validation;
