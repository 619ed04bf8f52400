CREATE TABLE `bid_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`tender_id` text NOT NULL,
	`bid_id` text NOT NULL,
	`envelope` text NOT NULL,
	`name` text NOT NULL,
	`media_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`criterion_id` text,
	`version` integer NOT NULL,
	`replaces_id` text,
	`reason` text,
	`received_at` text NOT NULL,
	`received_by` text NOT NULL,
	FOREIGN KEY (`received_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tender_id`,`bid_id`) REFERENCES `bids`(`tender_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bid_documents_bid_idx` ON `bid_documents` (`tender_id`,`bid_id`);--> statement-breakpoint
CREATE TABLE `document_chunks` (
	`document_id` text NOT NULL,
	`seq` integer NOT NULL,
	`bytes` blob NOT NULL,
	PRIMARY KEY(`document_id`, `seq`)
);
