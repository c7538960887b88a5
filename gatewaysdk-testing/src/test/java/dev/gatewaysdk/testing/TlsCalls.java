package dev.gatewaysdk.testing;

import dev.gatewaysdk.model.BackendTLSPolicy;
import dev.gatewaysdk.model.BackendTLSPolicyValidation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS clients and servers for the replays: an HTTP/1.1 request over TLS with a chosen SNI, trust
 * and (optionally) client certificate, the way the conformance suite's {@code utils/tls} sends one,
 * and a TLS backend answering each connection.
 */
final class TlsCalls {
  private TlsCalls() {}

  /**
   * A BackendTLSPolicy in {@code namespace} named after Service {@code service}, validating the
   * backend's certificate for {@code hostname} against the CA of ConfigMap {@code caConfigMap}.
   */
  static BackendTLSPolicy backendTlsPolicy(
      String namespace, String service, String caConfigMap, String hostname) {
    return BackendTLSPolicy.builder()
        .name(service)
        .namespace(namespace)
        .targetService(service)
        .validation(BackendTLSPolicyValidation.caConfigMaps(hostname, caConfigMap))
        .build();
  }

  /** The certificate the server presented and the raw HTTP response (empty if none came). */
  record Exchange(X509Certificate certificate, String response) {
    int status() {
      return response.startsWith("HTTP/1.1 ") ? Integer.parseInt(response.substring(9, 12)) : -1;
    }

    /** The {@code X-Backend} that answered 200, else the status code. */
    String outcome() {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(?im)^x-backend: *(\\S+)").matcher(response);
      return status() == 200 && m.find() ? m.group(1) : Integer.toString(status());
    }
  }

  static TrustManager[] trusting(SelfSignedCertificate... certificates) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    for (int i = 0; i < certificates.length; i++) {
      trust.setCertificateEntry("c" + i, certificates[i].certificate());
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    return tmf.getTrustManagers();
  }

  /** Key managers presenting {@code certificate}, or null for none. */
  static KeyManager[] presenting(SelfSignedCertificate certificate) throws Exception {
    if (certificate == null) {
      return null;
    }
    KeyStore keys = KeyStore.getInstance(KeyStore.getDefaultType());
    keys.load(null, null);
    keys.setKeyEntry(
        "key",
        certificate.keyPair().getPrivate(),
        new char[0],
        new Certificate[] {certificate.certificate()});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, new char[0]);
    return kmf.getKeyManagers();
  }

  /**
   * {@code GET path} with {@code Host: sni} over TLS to {@code address:port}, asking for {@code
   * sni}, verifying the server's certificate names it, presenting {@code clientCertificate} when
   * not null. A new context per call: no session is resumed.
   *
   * @throws IOException when the handshake or the connection fails
   */
  static Exchange get(
      String address,
      int port,
      String sni,
      String path,
      TrustManager[] trust,
      SelfSignedCertificate clientCertificate)
      throws Exception {
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(presenting(clientCertificate), trust, null);
    try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket()) {
      s.connect(new InetSocketAddress(address, port), 5000);
      s.setSoTimeout(5000);
      SSLParameters p = s.getSSLParameters();
      p.setServerNames(List.of(new SNIHostName(sni)));
      p.setEndpointIdentificationAlgorithm("HTTPS");
      p.setApplicationProtocols(new String[] {"http/1.1"});
      s.setSSLParameters(p);
      s.startHandshake();
      X509Certificate cert = (X509Certificate) s.getSession().getPeerCertificates()[0];
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: " + sni + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      return new Exchange(cert, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** A server-side TLS context presenting {@code certificate}. */
  static SSLContext serverContext(SelfSignedCertificate certificate) throws Exception {
    return serverContext(certificate, null);
  }

  /** The same, trusting client certificate {@code trustedClient} when not null. */
  static SSLContext serverContext(
      SelfSignedCertificate certificate, SelfSignedCertificate trustedClient) throws Exception {
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(
        presenting(certificate), trustedClient == null ? null : trusting(trustedClient), null);
    return server;
  }

  /**
   * A TLS server on loopback presenting {@code certificate} that answers each connection with
   * {@code HTTP/1.1 200} and the headers {@code X-Backend: <name>}, {@code X-SNI} (the server name
   * the client asked for, or {@code none}) and {@code X-Client-Subject} (the subject of the
   * client's certificate, or {@code none}). When {@code requiredClient} is not null, the handshake
   * requires a client certificate it trusts.
   */
  static SSLServerSocket backend(
      String name, SelfSignedCertificate certificate, SelfSignedCertificate requiredClient)
      throws Exception {
    SSLContext server = serverContext(certificate, requiredClient);
    SSLServerSocket socket =
        (SSLServerSocket)
            server
                .getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    socket.setNeedClientAuth(requiredClient != null);
    Thread t =
        new Thread(
            () -> {
              while (!socket.isClosed()) {
                try (Socket c = socket.accept()) {
                  SSLSocket tls = (SSLSocket) c;
                  tls.startHandshake();
                  String sni = "none";
                  for (javax.net.ssl.SNIServerName n :
                      ((javax.net.ssl.ExtendedSSLSession) tls.getSession())
                          .getRequestedServerNames()) {
                    sni = new String(n.getEncoded(), StandardCharsets.US_ASCII);
                  }
                  String subject = "none";
                  try {
                    subject =
                        ((X509Certificate) tls.getSession().getPeerCertificates()[0])
                            .getSubjectX500Principal()
                            .getName();
                  } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                    // no client certificate
                  }
                  c.getOutputStream()
                      .write(
                          ("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nX-Backend: "
                                  + name
                                  + "\r\nX-Client-Subject: "
                                  + subject
                                  + "\r\nX-SNI: "
                                  + sni
                                  + "\r\n\r\n")
                              .getBytes(StandardCharsets.US_ASCII));
                  c.getOutputStream().flush();
                } catch (IOException e) {
                  // closed, or a client that went away
                }
              }
            },
            "tls-backend-" + name);
    t.setDaemon(true);
    t.start();
    return socket;
  }
}
