//! IPTC NITF, NewsML 1.x and NewsML-G2 items.
