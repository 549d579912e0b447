package io.gazette.common;

import io.gazette.config.GazetteConfig;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The address a request really comes from. {@code X-Forwarded-For} is read only when the peer is a
 * configured trusted proxy, and then from the right: the first address not itself a trusted proxy
 * is the client. A client cannot escape a rate limit by sending the header itself.
 */
@ApplicationScoped
public class ClientAddresses {

  private final List<IpSubnetFilterRule> trustedProxies = new ArrayList<>();

  public ClientAddresses(GazetteConfig config) {
    for (String entry : config.trustedProxies().orElse(List.of())) {
      String proxy = entry.strip();
      if (proxy.isEmpty()) {
        continue;
      }
      String[] parts = proxy.split("/", 2);
      try {
        InetAddress address = InetAddress.getByName(parts[0]);
        int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : address.getAddress().length * 8;
        trustedProxies.add(new IpSubnetFilterRule(address, bits, IpFilterRuleType.ACCEPT));
      } catch (UnknownHostException | NumberFormatException e) {
        throw new IllegalArgumentException(
            "GAZETTE_TRUSTED_PROXIES: '" + proxy + "' is not an IP address or CIDR range", e);
      }
    }
  }

  public String of(HttpServerRequest request) {
    SocketAddress peer = request.remoteAddress();
    String address = peer == null ? "unknown" : peer.hostAddress();
    if (!trusted(address)) {
      return address;
    }
    List<String> forwarded = request.headers().getAll("X-Forwarded-For");
    List<String> hops = new ArrayList<>();
    for (String header : forwarded) {
      for (String hop : header.split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.strip());
        }
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (!isIpLiteral(hop)) {
        return address; // garbage in the chain: fall back to the proxy itself
      }
      if (!trusted(hop)) {
        return hop;
      }
      address = hop;
    }
    return address;
  }

  private boolean trusted(String address) {
    if (trustedProxies.isEmpty() || !isIpLiteral(address)) {
      return false;
    }
    try {
      InetSocketAddress socket = new InetSocketAddress(InetAddress.getByName(address), 0);
      return trustedProxies.stream().anyMatch(rule -> rule.matches(socket));
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean isIpLiteral(String text) {
    return text.matches("[0-9.]{7,15}")
        || (text.contains(":") && text.matches("[0-9a-fA-F:.]{2,45}"));
  }
}
