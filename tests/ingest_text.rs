//! Agency plain-text exports, starting with the seed dispatch.
