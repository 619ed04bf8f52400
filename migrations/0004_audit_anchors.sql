CREATE TABLE `audit_anchors` (
	`id` integer PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`head` text NOT NULL,
	`at` text NOT NULL,
	`reason` text NOT NULL,
	`certificate_fingerprint` text NOT NULL,
	`signature` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_anchors_seq_idx` ON `audit_anchors` (`seq`);