type corporation f1	0.0392	0.1655	0.0008
type creative-work f1	0.0853	0.2120	0.0002
type group f1	0.0829	0.2283	0.0002
type location f1	0.0048	0.1602	0.0408
type person f1	0.1787	0.2837	0.0002
type product f1	-0.0845	0.1061	0.8067
micro precision	-0.0884	0.0218	0.2348
micro recall	0.1536	0.2112	0.0002
micro f1	0.1121	0.1785	0.0002
macro f1	0.0908	0.1517	0.0002
