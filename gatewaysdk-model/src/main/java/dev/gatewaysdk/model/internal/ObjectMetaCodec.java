package dev.gatewaysdk.model.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.gatewaysdk.model.*;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Streaming JSON codec of {@link ObjectMeta}: field by field, without reflection. Kept in sync with
 * the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any property
 * it does not read or write.
 */
public final class ObjectMetaCodec {
  private static final SerializedString F_NAME = new SerializedString("name");
  private static final SerializedString F_GENERATE_NAME = new SerializedString("generateName");
  private static final SerializedString F_NAMESPACE = new SerializedString("namespace");
  private static final SerializedString F_UID = new SerializedString("uid");
  private static final SerializedString F_RESOURCE_VERSION =
      new SerializedString("resourceVersion");
  private static final SerializedString F_GENERATION = new SerializedString("generation");
  private static final SerializedString F_CREATION_TIMESTAMP =
      new SerializedString("creationTimestamp");
  private static final SerializedString F_DELETION_TIMESTAMP =
      new SerializedString("deletionTimestamp");
  private static final SerializedString F_DELETION_GRACE_PERIOD_SECONDS =
      new SerializedString("deletionGracePeriodSeconds");
  private static final SerializedString F_LABELS = new SerializedString("labels");
  private static final SerializedString F_ANNOTATIONS = new SerializedString("annotations");
  private static final SerializedString F_FINALIZERS = new SerializedString("finalizers");
  private static final SerializedString F_OWNER_REFERENCES =
      new SerializedString("ownerReferences");
  private static final SerializedString F_MANAGED_FIELDS = new SerializedString("managedFields");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of(
          "name",
          "generateName",
          "namespace",
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "labels",
          "annotations",
          "finalizers",
          "ownerReferences",
          "managedFields");

  /** Writes {@link ObjectMeta}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link ObjectMeta}. */
  public static final Reader READER = new Reader();

  private ObjectMetaCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<ObjectMeta> {
    @Override
    public void serialize(ObjectMeta v, JsonGenerator g, SerializerProvider p) throws IOException {
      g.writeStartObject();
      if (v.name().isPresent()) {
        g.writeFieldName(F_NAME);
        g.writeString(v.name().get());
      }
      if (v.generateName().isPresent()) {
        g.writeFieldName(F_GENERATE_NAME);
        g.writeString(v.generateName().get());
      }
      if (v.namespace().isPresent()) {
        g.writeFieldName(F_NAMESPACE);
        g.writeString(v.namespace().get());
      }
      if (v.uid().isPresent()) {
        g.writeFieldName(F_UID);
        g.writeString(v.uid().get());
      }
      if (v.resourceVersion().isPresent()) {
        g.writeFieldName(F_RESOURCE_VERSION);
        g.writeString(v.resourceVersion().get());
      }
      if (v.generation().isPresent()) {
        g.writeFieldName(F_GENERATION);
        g.writeNumber(v.generation().get());
      }
      if (v.creationTimestamp().isPresent()) {
        g.writeFieldName(F_CREATION_TIMESTAMP);
        g.writeString(v.creationTimestamp().get());
      }
      if (v.deletionTimestamp().isPresent()) {
        g.writeFieldName(F_DELETION_TIMESTAMP);
        g.writeString(v.deletionTimestamp().get());
      }
      if (v.deletionGracePeriodSeconds().isPresent()) {
        g.writeFieldName(F_DELETION_GRACE_PERIOD_SECONDS);
        g.writeNumber(v.deletionGracePeriodSeconds().get());
      }
      if (!v.labels().isEmpty()) {
        g.writeFieldName(F_LABELS);
        g.writeStartObject();
        for (Map.Entry<String, String> e : v.labels().entrySet()) {
          g.writeFieldName(e.getKey());
          g.writeString(e.getValue());
        }
        g.writeEndObject();
      }
      if (!v.annotations().isEmpty()) {
        g.writeFieldName(F_ANNOTATIONS);
        g.writeStartObject();
        for (Map.Entry<String, String> e : v.annotations().entrySet()) {
          g.writeFieldName(e.getKey());
          g.writeString(e.getValue());
        }
        g.writeEndObject();
      }
      if (!v.finalizers().isEmpty()) {
        g.writeFieldName(F_FINALIZERS);
        g.writeStartArray();
        for (String e : v.finalizers()) {
          g.writeString(e);
        }
        g.writeEndArray();
      }
      if (!v.ownerReferences().isEmpty()) {
        g.writeFieldName(F_OWNER_REFERENCES);
        g.writeStartArray();
        for (OwnerReference e : v.ownerReferences()) {
          OwnerReferenceCodec.WRITER.serialize(e, g, p);
        }
        g.writeEndArray();
      }
      if (!v.managedFields().isEmpty()) {
        g.writeFieldName(F_MANAGED_FIELDS);
        g.writeStartArray();
        for (JsonNode e : v.managedFields()) {
          g.writeTree(e);
        }
        g.writeEndArray();
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<ObjectMeta> handledType() {
      return ObjectMeta.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<ObjectMeta> {
    @Override
    public ObjectMeta deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      ObjectMeta.Builder b = ObjectMeta.builder();
      readInto(p, ctxt, b);
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, ObjectMeta.class, p, ctxt);
      }
    }

    /**
     * Reads the fields of the object at {@code p} into {@code b} without building it, for a kind's
     * reader that builds the whole object at once (the nested builder saves copying the finished
     * value into it).
     */
    public void readInto(JsonParser p, DeserializationContext ctxt, ObjectMeta.Builder b)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      String field = null;
      try {
        for (field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
          if (p.nextToken() == JsonToken.VALUE_NULL) {
            if (!KNOWN.contains(field)) {
              b.putUnknownField(field, null);
            }
            continue;
          }
          switch (field) {
            case "name":
              b.name(Codecs.string(p, ctxt));
              break;
            case "generateName":
              b.generateName(Codecs.string(p, ctxt));
              break;
            case "namespace":
              b.namespace(Codecs.string(p, ctxt));
              break;
            case "uid":
              b.uid(Codecs.string(p, ctxt));
              break;
            case "resourceVersion":
              b.resourceVersion(Codecs.string(p, ctxt));
              break;
            case "generation":
              b.generation(Codecs.longValue(p, ctxt));
              break;
            case "creationTimestamp":
              b.creationTimestamp(Codecs.string(p, ctxt));
              break;
            case "deletionTimestamp":
              b.deletionTimestamp(Codecs.string(p, ctxt));
              break;
            case "deletionGracePeriodSeconds":
              b.deletionGracePeriodSeconds(Codecs.longValue(p, ctxt));
              break;
            case "labels":
              {
                Codecs.expectObject(p, ctxt);
                Map<String, String> map = new LinkedHashMap<>();
                for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                  p.nextToken();
                  map.put(key, Codecs.string(p, ctxt));
                }
                b.labels(map);
                break;
              }
            case "annotations":
              {
                Codecs.expectObject(p, ctxt);
                Map<String, String> map = new LinkedHashMap<>();
                for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
                  p.nextToken();
                  map.put(key, Codecs.string(p, ctxt));
                }
                b.annotations(map);
                break;
              }
            case "finalizers":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addFinalizer(Codecs.string(p, ctxt));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "ownerReferences":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addOwnerReference(Codecs.object(p, ctxt, OwnerReferenceCodec.READER));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            case "managedFields":
              {
                Codecs.expectArray(p, ctxt);
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                  try {
                    b.addManagedField(ctxt.readTree(p));
                  } catch (Exception e) {
                    throw Codecs.wrap(e, i, p);
                  }
                }
                break;
              }
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, ObjectMeta.class, field, p);
      }
    }

    @Override
    public Class<?> handledType() {
      return ObjectMeta.class;
    }
  }
}
