//! Client addresses: which address a request really came from when it passed a reverse proxy
//! the office trusts, and the key under which an address is counted by the throttles (an IPv6
//! visitor is counted per /64, the block one line or host is usually given).

use std::net::IpAddr;

/// A block of addresses such as `10.0.0.0/8` or `2001:db8::/32`; a bare address is a block of
/// one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpBlock {
    base: IpAddr,
    prefix: u8,
}

impl IpBlock {
    pub fn parse(s: &str) -> Option<IpBlock> {
        let (addr, prefix) = match s.trim().split_once('/') {
            Some((a, p)) => (a.parse::<IpAddr>().ok()?, Some(p.parse::<u8>().ok()?)),
            None => (s.trim().parse::<IpAddr>().ok()?, None),
        };
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = prefix.unwrap_or(max);
        (prefix <= max).then_some(IpBlock { base: addr, prefix })
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.base, canonical(ip)) {
            (IpAddr::V4(b), IpAddr::V4(a)) => {
                masked(u32::from(b).into(), 32, self.prefix) == masked(u32::from(a).into(), 32, self.prefix)
            }
            (IpAddr::V6(b), IpAddr::V6(a)) => {
                masked(u128::from(b), 128, self.prefix) == masked(u128::from(a), 128, self.prefix)
            }
            _ => false,
        }
    }
}

fn masked(bits: u128, width: u8, prefix: u8) -> u128 {
    if prefix == 0 {
        0
    } else {
        bits >> (width - prefix)
    }
}

/// An IPv4 address written as IPv6 (`::ffff:192.0.2.1`) is the IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
        v4 => v4,
    }
}

/// The address a request came from. The peer is the client unless it is one of the trusted
/// proxies; then `X-Forwarded-For` is read from its right end (the entry the nearest proxy
/// added), skipping the trusted proxies, and the first other address is the client's. Any
/// entry a client wrote itself lies to the left of that and is never read. An entry that is
/// not an address stops the walk at the last trusted hop.
pub fn client_address(peer: IpAddr, forwarded_for: &[&str], trusted: &[IpBlock]) -> IpAddr {
    let is_trusted = |ip: IpAddr| trusted.iter().any(|b| b.contains(ip));
    let peer = canonical(peer);
    if !is_trusted(peer) {
        return peer;
    }
    let mut client = peer;
    for entry in forwarded_for.iter().rev().flat_map(|h| h.rsplit(',')) {
        match entry.trim().parse::<IpAddr>() {
            Ok(ip) => {
                client = canonical(ip);
                if !is_trusted(client) {
                    return client;
                }
            }
            Err(_) => return client,
        }
    }
    client
}

/// The key an address is counted under by the throttles: an IPv4 address itself, an IPv6
/// address by its /64 (one visitor usually holds a whole /64).
pub fn throttle_key(ip: &str) -> String {
    match ip.parse::<IpAddr>().map(canonical) {
        Ok(IpAddr::V6(v6)) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        Ok(v4) => v4.to_string(),
        Err(_) => ip.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn blocks_hold_their_addresses_only() {
        let b = IpBlock::parse("10.1.0.0/16").unwrap();
        assert!(b.contains(ip("10.1.200.3")) && !b.contains(ip("10.2.0.1")));
        assert!(b.contains(ip("::ffff:10.1.0.9")));
        let one = IpBlock::parse("192.0.2.7").unwrap();
        assert!(one.contains(ip("192.0.2.7")) && !one.contains(ip("192.0.2.8")));
        let v6 = IpBlock::parse("2001:db8::/32").unwrap();
        assert!(v6.contains(ip("2001:db8:ffff::1")) && !v6.contains(ip("2001:db9::1")));
        assert!(IpBlock::parse("0.0.0.0/0").unwrap().contains(ip("8.8.8.8")));
        assert_eq!(IpBlock::parse("10.0.0.0/33"), None);
        assert_eq!(IpBlock::parse("proxy.local"), None);
    }

    #[test]
    fn forwarded_addresses_count_only_behind_a_trusted_proxy() {
        let proxies = [IpBlock::parse("10.0.0.0/8").unwrap()];
        // Straight from the internet: the header is the visitor's own words.
        assert_eq!(client_address(ip("203.0.113.9"), &["1.2.3.4"], &proxies), ip("203.0.113.9"));
        // Through the proxy: the address the proxy saw.
        assert_eq!(client_address(ip("10.0.0.2"), &["198.51.100.7"], &proxies), ip("198.51.100.7"));
        // A visitor who writes the header first cannot choose their address.
        assert_eq!(client_address(ip("10.0.0.2"), &["1.2.3.4, 198.51.100.7"], &proxies), ip("198.51.100.7"));
        // Two proxies of ours, one after the other.
        assert_eq!(client_address(ip("10.0.0.2"), &["198.51.100.7, 10.0.0.3"], &proxies), ip("198.51.100.7"));
        assert_eq!(client_address(ip("10.0.0.2"), &["198.51.100.7", "10.0.0.3"], &proxies), ip("198.51.100.7"));
        // Nothing usable: the proxy itself.
        assert_eq!(client_address(ip("10.0.0.2"), &["garbage"], &proxies), ip("10.0.0.2"));
        assert_eq!(client_address(ip("10.0.0.2"), &[], &proxies), ip("10.0.0.2"));
        // No proxies configured: never read.
        assert_eq!(client_address(ip("10.0.0.2"), &["198.51.100.7"], &[]), ip("10.0.0.2"));
    }

    #[test]
    fn ipv6_visitors_are_counted_per_64() {
        assert_eq!(throttle_key("2001:db8:1:2:aaaa::1"), throttle_key("2001:db8:1:2:bbbb::9"));
        assert_ne!(throttle_key("2001:db8:1:2::1"), throttle_key("2001:db8:1:3::1"));
        assert_eq!(throttle_key("192.0.2.1"), "192.0.2.1");
        assert_eq!(throttle_key("::ffff:192.0.2.1"), "192.0.2.1");
    }
}
