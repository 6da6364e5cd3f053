/* bootcmd: read the inputs of nerscore --ci and --compare and report. */
#ifndef NERTOOLS_BOOTCMD_H
#define NERTOOLS_BOOTCMD_H

#include <stdbool.h>

#include "bootreport.h"

enum boot_unit {
	BOOT_UNIT_AUTO,	/* documents when the input marks them, else
			   sentences */
	BOOT_UNIT_DOC,
	BOOT_UNIT_SENT
};

struct bootcli {
	int	 first_mode, last_mode;
	enum boot_unit unit;
	bool	 compare;	/* two inputs, else one made of every file */
	struct bootview view;
};

void	bootcmd_run(struct bootcli *c, int nfiles, char **files);

#endif
