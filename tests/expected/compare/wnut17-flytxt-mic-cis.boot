type corporation f1	-0.1003	0.1285	0.7947
type creative-work f1	-0.1225	0.0497	0.4168
type group f1	0.0402	0.2048	0.0040
type location f1	-0.0233	0.1045	0.2106
type person f1	-0.1194	-0.0394	0.0002
type product f1	-0.0365	0.1203	0.3084
micro precision	-0.1052	-0.0334	0.0006
micro recall	-0.0082	0.0447	0.1718
micro f1	-0.0413	0.0153	0.3820
macro f1	-0.0155	0.0508	0.2978
