/* version: the release every program reports with -V. */
#ifndef NERTOOLS_VERSION_H
#define NERTOOLS_VERSION_H

#define NERTOOLS_VERSION "0.1.0"

#endif
