CREATE TABLE `individual_scores` (
	`tender_id` text NOT NULL,
	`bid_id` text NOT NULL,
	`criterion_id` text NOT NULL,
	`evaluator_id` text NOT NULL,
	`score` real NOT NULL,
	`motivation` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tender_id`, `bid_id`, `criterion_id`, `evaluator_id`),
	FOREIGN KEY (`evaluator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tender_id`,`bid_id`) REFERENCES `bids`(`tender_id`,`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tender_id`,`criterion_id`) REFERENCES `criteria`(`tender_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `individual_scores_evaluator_idx` ON `individual_scores` (`tender_id`,`evaluator_id`);--> statement-breakpoint
CREATE TABLE `panel_members` (
	`tender_id` text NOT NULL,
	`user_id` text NOT NULL,
	`assigned_at` text NOT NULL,
	`assigned_by` text NOT NULL,
	`declaration` text,
	`declared_at` text,
	`remarks` text,
	`sealed_at` text,
	PRIMARY KEY(`tender_id`, `user_id`),
	FOREIGN KEY (`tender_id`) REFERENCES `tenders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `panel_members_user_idx` ON `panel_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`tender_id` text NOT NULL,
	`kind` text NOT NULL,
	`bid_id` text,
	`sha256` text NOT NULL,
	`bytes` blob NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`tender_id`) REFERENCES `tenders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reports_tender_idx` ON `reports` (`tender_id`);--> statement-breakpoint
CREATE INDEX `reports_sha256_idx` ON `reports` (`sha256`);--> statement-breakpoint
ALTER TABLE `consensus_scores` ADD `deviation_reason` text;--> statement-breakpoint
ALTER TABLE `criteria` ADD `description` text;--> statement-breakpoint
ALTER TABLE `criteria` ADD `levels` text;--> statement-breakpoint
ALTER TABLE `tenders` ADD `show_prices_to_evaluators` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `tenders` ADD `award_decided_at` text;--> statement-breakpoint
ALTER TABLE `tenders` ADD `standstill_ends_on` text;--> statement-breakpoint
ALTER TABLE `tenders` ADD `award_decision` text;--> statement-breakpoint
ALTER TABLE `tenders` ADD `awarded_at` text;