//! Datelines: the place (and sometimes date and agency) that opens a dispatch.
