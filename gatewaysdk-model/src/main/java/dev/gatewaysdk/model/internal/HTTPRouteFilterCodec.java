package dev.gatewaysdk.model.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import dev.gatewaysdk.model.*;
import java.io.IOException;

/**
 * Streaming JSON codec of {@link HTTPRouteFilter}: field by field, without reflection. Kept in sync
 * with the model type by the CRD coverage tests ({@code GatewayApiKindTest}), which fail on any
 * property it does not read or write.
 */
public final class HTTPRouteFilterCodec {
  private static final SerializedString F_TYPE = new SerializedString("type");
  private static final SerializedString F_REQUEST_HEADER_MODIFIER =
      new SerializedString("requestHeaderModifier");
  private static final SerializedString F_RESPONSE_HEADER_MODIFIER =
      new SerializedString("responseHeaderModifier");
  private static final SerializedString F_REQUEST_MIRROR = new SerializedString("requestMirror");
  private static final SerializedString F_REQUEST_REDIRECT =
      new SerializedString("requestRedirect");
  private static final SerializedString F_URL_REWRITE = new SerializedString("urlRewrite");
  private static final SerializedString F_CORS = new SerializedString("cors");
  private static final SerializedString F_EXTERNAL_AUTH = new SerializedString("externalAuth");
  private static final SerializedString F_EXTENSION_REF = new SerializedString("extensionRef");

  private static final java.util.Set<String> KNOWN =
      java.util.Set.of(
          "type",
          "requestHeaderModifier",
          "responseHeaderModifier",
          "requestMirror",
          "requestRedirect",
          "urlRewrite",
          "cors",
          "externalAuth",
          "extensionRef");

  /** Writes {@link HTTPRouteFilter}. */
  public static final Writer WRITER = new Writer();

  /** Reads {@link HTTPRouteFilter}. */
  public static final Reader READER = new Reader();

  private HTTPRouteFilterCodec() {}

  /** The serializer Jackson finds through the model type's {@code @JsonSerialize}. */
  public static final class Writer extends JsonSerializer<HTTPRouteFilter> {
    @Override
    public void serialize(HTTPRouteFilter v, JsonGenerator g, SerializerProvider p)
        throws IOException {
      g.writeStartObject();
      g.writeFieldName(F_TYPE);
      g.writeString(v.type().value());
      if (v.requestHeaderModifier().isPresent()) {
        g.writeFieldName(F_REQUEST_HEADER_MODIFIER);
        HTTPHeaderFilterCodec.WRITER.serialize(v.requestHeaderModifier().get(), g, p);
      }
      if (v.responseHeaderModifier().isPresent()) {
        g.writeFieldName(F_RESPONSE_HEADER_MODIFIER);
        HTTPHeaderFilterCodec.WRITER.serialize(v.responseHeaderModifier().get(), g, p);
      }
      if (v.requestMirror().isPresent()) {
        g.writeFieldName(F_REQUEST_MIRROR);
        HTTPRequestMirrorFilterCodec.WRITER.serialize(v.requestMirror().get(), g, p);
      }
      if (v.requestRedirect().isPresent()) {
        g.writeFieldName(F_REQUEST_REDIRECT);
        HTTPRequestRedirectFilterCodec.WRITER.serialize(v.requestRedirect().get(), g, p);
      }
      if (v.urlRewrite().isPresent()) {
        g.writeFieldName(F_URL_REWRITE);
        HTTPURLRewriteFilterCodec.WRITER.serialize(v.urlRewrite().get(), g, p);
      }
      if (v.cors().isPresent()) {
        g.writeFieldName(F_CORS);
        HTTPCORSFilterCodec.WRITER.serialize(v.cors().get(), g, p);
      }
      if (v.externalAuth().isPresent()) {
        g.writeFieldName(F_EXTERNAL_AUTH);
        HTTPExternalAuthFilterCodec.WRITER.serialize(v.externalAuth().get(), g, p);
      }
      if (v.extensionRef().isPresent()) {
        g.writeFieldName(F_EXTENSION_REF);
        LocalObjectReferenceCodec.WRITER.serialize(v.extensionRef().get(), g, p);
      }
      Codecs.writeUnknown(v.unknownFields(), g, p);
      g.writeEndObject();
    }

    @Override
    public Class<HTTPRouteFilter> handledType() {
      return HTTPRouteFilter.class;
    }
  }

  /** The deserializer Jackson finds through the model type's {@code @JsonDeserialize}. */
  public static final class Reader extends JsonDeserializer<HTTPRouteFilter> {
    @Override
    public HTTPRouteFilter deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      Codecs.expectObject(p, ctxt);
      HTTPRouteFilter.Builder b = HTTPRouteFilter.builder();
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
            case "type":
              b.type(HTTPRouteFilterType.of(Codecs.string(p, ctxt)));
              break;
            case "requestHeaderModifier":
              b.requestHeaderModifier(Codecs.object(p, ctxt, HTTPHeaderFilterCodec.READER));
              break;
            case "responseHeaderModifier":
              b.responseHeaderModifier(Codecs.object(p, ctxt, HTTPHeaderFilterCodec.READER));
              break;
            case "requestMirror":
              b.requestMirror(Codecs.object(p, ctxt, HTTPRequestMirrorFilterCodec.READER));
              break;
            case "requestRedirect":
              b.requestRedirect(Codecs.object(p, ctxt, HTTPRequestRedirectFilterCodec.READER));
              break;
            case "urlRewrite":
              b.urlRewrite(Codecs.object(p, ctxt, HTTPURLRewriteFilterCodec.READER));
              break;
            case "cors":
              b.cors(Codecs.object(p, ctxt, HTTPCORSFilterCodec.READER));
              break;
            case "externalAuth":
              b.externalAuth(Codecs.object(p, ctxt, HTTPExternalAuthFilterCodec.READER));
              break;
            case "extensionRef":
              b.extensionRef(Codecs.object(p, ctxt, LocalObjectReferenceCodec.READER));
              break;
            default:
              b.putUnknownField(field, Codecs.unknown(p, ctxt));
          }
        }
      } catch (Exception e) {
        throw Codecs.wrap(e, HTTPRouteFilter.class, field, p);
      }
      try {
        return b.build();
      } catch (RuntimeException e) {
        throw Codecs.invalid(e, HTTPRouteFilter.class, p, ctxt);
      }
    }

    @Override
    public Class<?> handledType() {
      return HTTPRouteFilter.class;
    }
  }
}
