-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('LOW', 'HIGH');

-- CreateTable
CREATE TABLE "Org" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Org_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "finding" (
    "id" SERIAL NOT NULL,
    "org_id" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "severity" "Severity" NOT NULL DEFAULT 'LOW',

    CONSTRAINT "finding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "finding_org_id_idx" ON "finding"("org_id");

-- AddForeignKey
ALTER TABLE "finding" ADD CONSTRAINT "finding_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- What schema.prisma cannot express. Statements with ";" inside dollar quotes must reach Postgres whole.
ALTER TABLE "finding" ADD CONSTRAINT "finding_score_range" CHECK ("score" BETWEEN 0 AND 100);

CREATE FUNCTION current_org_id() RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
  org text;
BEGIN
  org := current_setting('app.org_id', true);
  RETURN nullif(org, '');
END;
$$;

ALTER TABLE "finding" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "finding" FORCE ROW LEVEL SECURITY;
CREATE POLICY "finding_org_isolation" ON "finding" USING ("org_id" = current_org_id());

-- PUBLIC rather than a role: roles are cluster-wide and would outlive the smoke database.
GRANT SELECT ON "finding" TO PUBLIC;
