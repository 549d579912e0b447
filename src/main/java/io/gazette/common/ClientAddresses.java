package io.gazette.common;

import io.gazette.config.GazetteConfig;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
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
    String address = peer == null ? null : canonical(peer.hostAddress());
    if (address == null) {
      return peer == null ? "unknown" : peer.hostAddress();
    }
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
      String hop = canonical(hops.get(i));
      if (hop == null) {
        return address; // garbage in the chain: fall back to the proxy itself
      }
      if (!trusted(hop)) {
        return hop;
      }
      address = hop;
    }
    return address;
  }

  /**
   * One {@code X-Forwarded-For} entry as one canonical address, or null when it is not an IP
   * address. Some proxies append the client's port ({@code 203.0.113.7:41234}, {@code
   * [2001:db8::7]:41234}): the port is dropped, or every connection of one client would count as a
   * client of its own. IPv6 addresses are written one way ({@code 2001:db8:0:0:0:0:0:7} is {@code
   * 2001:db8::7}), and an IPv4 address mapped into IPv6 is the IPv4 address, for the same reason.
   */
  static String canonical(String hop) {
    String host = hop;
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      if (end < 0 || !(end == host.length() - 1 || isPort(host.substring(end + 1)))) {
        return null;
      }
      host = host.substring(1, end);
    } else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
      int colon = host.indexOf(':');
      if (!isPort(host.substring(colon))) {
        return null;
      }
      host = host.substring(0, colon);
    }
    if (!NetUtil.isValidIpV4Address(host) && !NetUtil.isValidIpV6Address(host)) {
      return null;
    }
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(host);
    try {
      return bytes == null ? null : NetUtil.toAddressString(InetAddress.getByAddress(bytes));
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** {@code :} and a port number, 0 to 65535. */
  private static boolean isPort(String text) {
    if (text.length() < 2 || text.length() > 6 || text.charAt(0) != ':') {
      return false;
    }
    for (int i = 1; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return Integer.parseInt(text.substring(1)) <= 65535;
  }

  private boolean trusted(String address) {
    if (trustedProxies.isEmpty()) {
      return false;
    }
    String canonical = canonical(address);
    if (canonical == null) {
      return false;
    }
    try {
      InetSocketAddress socket = new InetSocketAddress(InetAddress.getByName(canonical), 0);
      return trustedProxies.stream().anyMatch(rule -> rule.matches(socket));
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
