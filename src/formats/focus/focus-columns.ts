/**
 * The FOCUS 1.0 columns (FinOps Open Cost and Usage Specification, focus.finops.org), by how the
 * specification requires them. Later 1.x versions keep these mandatory columns and add others, so a
 * 1.1 or 1.2 export reads the same way; columns Throughline does not use are checked for shape only.
 */
export const FOCUS_MANDATORY_COLUMNS = [
  'BilledCost',
  'BillingAccountId',
  'BillingAccountName',
  'BillingCurrency',
  'BillingPeriodEnd',
  'BillingPeriodStart',
  'ChargeCategory',
  'ChargeClass',
  'ChargeDescription',
  'ChargePeriodEnd',
  'ChargePeriodStart',
  'ContractedCost',
  'EffectiveCost',
  'InvoiceIssuerName',
  'ListCost',
  'PricingQuantity',
  'PricingUnit',
  'ProviderName',
  'PublisherName',
  'ServiceCategory',
  'ServiceName',
] as const;

/** Columns the specification makes conditional or recommended that Throughline reads when present. */
export const FOCUS_OPTIONAL_COLUMNS_READ = [
  'ConsumedQuantity',
  'RegionId',
  'RegionName',
  'ResourceId',
  'ResourceType',
  'SubAccountId',
  'SubAccountName',
  'Tags',
] as const;

/** Columns of FOCUS 0.5 or of a provider's native export, and what they became, for a helpful message. */
export const RENAMED_COLUMNS: Readonly<Record<string, string>> = {
  ChargeType: 'ChargeCategory (FOCUS 0.5 called it ChargeType)',
  AmortizedCost: 'EffectiveCost (FOCUS 0.5 called it AmortizedCost)',
  Region: 'RegionId',
  'lineItem/UnblendedCost': 'BilledCost (this looks like an AWS CUR, not a FOCUS export)',
  CostInBillingCurrency: 'BilledCost (this looks like an Azure cost export, not a FOCUS export)',
};
