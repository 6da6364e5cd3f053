type corporation f1	-0.0431	0.2001	0.2030
type creative-work f1	-0.1019	0.0552	0.5787
type group f1	-0.0634	0.0780	0.8767
type location f1	-0.0117	0.1214	0.1054
type person f1	-0.0098	0.0649	0.1428
type product f1	-0.1092	0.0747	0.7347
micro precision	0.0640	0.1390	0.0002
micro recall	-0.0408	0.0074	0.1838
micro f1	-0.0083	0.0457	0.1674
macro f1	-0.0133	0.0564	0.2398
