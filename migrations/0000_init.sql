CREATE TABLE `memberships` (
	`user_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`user_id`, `organisation_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `memberships_org_idx` ON `memberships` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `region_members` (
	`region_id` text NOT NULL,
	`member_id` text NOT NULL,
	PRIMARY KEY(`region_id`, `member_id`),
	FOREIGN KEY (`region_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `region_members_member_idx` ON `region_members` (`member_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`is_platform_admin` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_user_idx` ON `api_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `providers` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`name` text NOT NULL,
	`kvk` text NOT NULL,
	`keurmerk` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `providers_org_kvk_idx` ON `providers` (`organisation_id`,`kvk`);--> statement-breakpoint
CREATE TABLE `bid_price_lines` (
	`tender_id` text NOT NULL,
	`bid_id` text NOT NULL,
	`position` integer NOT NULL,
	`description` text NOT NULL,
	`quantity` real NOT NULL,
	`unit_price_cents` integer NOT NULL,
	PRIMARY KEY(`tender_id`, `bid_id`, `position`),
	FOREIGN KEY (`tender_id`,`bid_id`) REFERENCES `bids`(`tender_id`,`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `bids` (
	`tender_id` text NOT NULL,
	`id` text NOT NULL,
	`position` integer NOT NULL,
	`provider_name` text NOT NULL,
	`provider_kvk` text NOT NULL,
	`provider_keurmerk` integer NOT NULL,
	`price_cents` integer,
	`low_bid_review` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`tender_id`, `id`),
	FOREIGN KEY (`tender_id`) REFERENCES `tenders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `consensus_scores` (
	`tender_id` text NOT NULL,
	`bid_id` text NOT NULL,
	`criterion_id` text NOT NULL,
	`score` real NOT NULL,
	`motivation` text,
	`updated_at` text NOT NULL,
	`updated_by` text,
	PRIMARY KEY(`tender_id`, `bid_id`, `criterion_id`),
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tender_id`,`bid_id`) REFERENCES `bids`(`tender_id`,`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tender_id`,`criterion_id`) REFERENCES `criteria`(`tender_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `criteria` (
	`tender_id` text NOT NULL,
	`id` text NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`weight` real NOT NULL,
	`scale` text NOT NULL,
	`minimum` real,
	`value_cents` integer,
	PRIMARY KEY(`tender_id`, `id`),
	FOREIGN KEY (`tender_id`) REFERENCES `tenders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `tenders` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`status` text NOT NULL,
	`reference` text NOT NULL,
	`title` text NOT NULL,
	`buyer` text NOT NULL,
	`lot` text NOT NULL,
	`estimated_value_cents` integer,
	`expected_learners` integer,
	`award_method` text NOT NULL,
	`price_weight` real,
	`price_floor_cents` integer,
	`price_ceiling_cents` integer,
	`fixed_price_cents` integer,
	`tie_break` text,
	`low_bid_rules` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`opened_at` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tenders_org_idx` ON `tenders` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`actor_user_id` text,
	`organisation_id` text,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`tender_id` text,
	`change` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_events_tender_idx` ON `audit_events` (`tender_id`,`seq`);