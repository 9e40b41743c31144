import {
  AdministratorList,
  AppointAdministratorResult,
  Asset,
  AssetList,
  CatalogProduct,
  type CreateAssetRequest,
  type CreateOrganizationRequest,
  type CreateProductRequest,
  ImportRefused,
  ImportReport,
  OperatorList,
  Organization,
  OrganizationList,
  ProductList,
  Terms,
  type UpdateAssetRequest,
  type UpdateProductRequest,
} from '@portico/contracts';
import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import { api, apiUpload, isApiError, withQuery } from '../../lib/api';
import { meQueryKey } from '../../lib/session';

// Answers not (yet) in @portico/contracts.
export type ImportMode = ImportReport['mode'];

const base = '/api/v1/operator';
const enc = encodeURIComponent;
const PAGE_SIZE = 50;

// --- fetchers -------------------------------------------------------------------------------------------------

export const fetchOrganizations = (q: string, cursor: string | undefined, signal?: AbortSignal) =>
  api.get(withQuery(`${base}/organizations`, { q, cursor, limit: String(PAGE_SIZE) }), OrganizationList, signal);
export const createOrganization = (body: z.input<typeof CreateOrganizationRequest>) =>
  api.post(`${base}/organizations`, body, Organization);
export const fetchOrganization = (org: string, signal?: AbortSignal) =>
  api.get(`${base}/organizations/${enc(org)}`, Organization, signal);
export const renameOrganization = ({ org, name }: { org: string; name: string }) =>
  api.patch(`${base}/organizations/${enc(org)}`, { name }, Organization);
export const fetchAdministrators = (org: string, signal?: AbortSignal) =>
  api.get(`${base}/organizations/${enc(org)}/administrators`, AdministratorList, signal);
export const appointAdministrator = ({ org, email }: { org: string; email: string }) =>
  api.post(`${base}/organizations/${enc(org)}/administrators`, { email }, AppointAdministratorResult);
export const removeAdministrator = ({ org, userId }: { org: string; userId: string }) =>
  api.delete(`${base}/organizations/${enc(org)}/administrators/${enc(userId)}`, AdministratorList);
export const fetchOrganizationAssets = (org: string, cursor: string | undefined, signal?: AbortSignal) =>
  api.get(
    withQuery(`${base}/organizations/${enc(org)}/assets`, { cursor, limit: String(PAGE_SIZE) }),
    AssetList,
    signal,
  );
export const fetchProducts = (signal?: AbortSignal) => api.get(`${base}/products`, ProductList, signal);
export const createProduct = (body: z.input<typeof CreateProductRequest>) =>
  api.post(`${base}/products`, body, CatalogProduct);
export const updateProduct = ({ id, ...body }: z.input<typeof UpdateProductRequest> & { id: string }) =>
  api.patch(`${base}/products/${enc(id)}`, body, CatalogProduct);
export const retireProduct = (id: string) => api.post(`${base}/products/${enc(id)}/retire`, undefined, CatalogProduct);
export const fetchTerms = (signal?: AbortSignal) => api.get('/api/v1/terms', Terms, signal);
export const saveTerms = (text: string | null) => api.put(`${base}/terms`, { text }, Terms);
export const createAsset = (body: z.input<typeof CreateAssetRequest>) => api.post(`${base}/assets`, body, Asset);
export const updateAsset = ({ id, ...body }: z.input<typeof UpdateAssetRequest> & { id: string }) =>
  api.patch(`${base}/assets/${enc(id)}`, body, Asset);
export const fetchOperators = (signal?: AbortSignal) => api.get(`${base}/operators`, OperatorList, signal);
export const grantOperator = (email: string) => api.post(`${base}/operators`, { email }, OperatorList);
export const removeOperator = (userId: string) => api.delete(`${base}/operators/${enc(userId)}`, OperatorList);
export async function importAssets(input: { file: File; mode: ImportMode; onProgress: (fraction: number) => void }) {
  try {
    return await apiUpload(`${base}/assets/import?mode=${input.mode}`, {
      body: input.file,
      contentType: 'text/csv',
      schema: ImportReport,
      onProgress: input.onProgress,
    });
  } catch (error) {
    // All-or-nothing with refused rows answers 422 with the report beside the error: that report is what to show.
    const refused = isApiError(error, 'IMPORT_REFUSED') ? ImportRefused.safeParse(error.body) : undefined;
    if (refused?.success) return refused.data.report;
    throw error;
  }
}

// --- query options --------------------------------------------------------------------------------------------

const keys = {
  organizations: ['operator', 'organizations'] as const,
  organization: (org: string) => ['operator', 'organization', org] as const,
  products: ['operator', 'products'] as const,
  operators: ['operator', 'operators'] as const,
  terms: ['terms'] as const,
};

export const organizationsQueryOptions = (q: string) =>
  infiniteQueryOptions({
    queryKey: [...keys.organizations, q],
    queryFn: ({ pageParam, signal }) => fetchOrganizations(q, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const organizationQueryOptions = (org: string) =>
  queryOptions({ queryKey: keys.organization(org), queryFn: ({ signal }) => fetchOrganization(org, signal) });

export const administratorsQueryOptions = (org: string) =>
  queryOptions({
    queryKey: [...keys.organization(org), 'administrators'],
    queryFn: ({ signal }) => fetchAdministrators(org, signal),
  });

export const organizationAssetsQueryOptions = (org: string) =>
  infiniteQueryOptions({
    queryKey: [...keys.organization(org), 'assets'],
    queryFn: ({ pageParam, signal }) => fetchOrganizationAssets(org, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const productsQueryOptions = queryOptions({
  queryKey: keys.products,
  queryFn: ({ signal }) => fetchProducts(signal),
});

export const operatorsQueryOptions = queryOptions({
  queryKey: keys.operators,
  queryFn: ({ signal }) => fetchOperators(signal),
});

// --- hooks ----------------------------------------------------------------------------------------------------

/** What an organization's change makes stale: the operator's views of it and its own portal (keyed ['orgs', id]). */
function useOrganizationChanged() {
  const queryClient = useQueryClient();
  return (organizationId?: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.organizations }),
      queryClient.invalidateQueries({ queryKey: organizationId ? keys.organization(organizationId) : ['operator'] }),
      queryClient.invalidateQueries({ queryKey: organizationId ? ['orgs', organizationId] : ['orgs'] }),
      // The header's organization switcher and the home page show names and rights from /me.
      queryClient.invalidateQueries({ queryKey: meQueryKey }),
    ]);
}

export function useOrganizations(q: string) {
  return useInfiniteQuery(organizationsQueryOptions(q));
}

export function useCreateOrganization() {
  const changed = useOrganizationChanged();
  return useMutation({ mutationFn: createOrganization, onSuccess: (created) => changed(created.id) });
}

export function useOrganization(org: string) {
  return useQuery(organizationQueryOptions(org));
}

export function useRenameOrganization() {
  const changed = useOrganizationChanged();
  return useMutation({ mutationFn: renameOrganization, onSuccess: (_renamed, { org }) => changed(org) });
}

export function useAdministrators(org: string) {
  return useQuery(administratorsQueryOptions(org));
}

export function useAppointAdministrator() {
  const changed = useOrganizationChanged();
  return useMutation({ mutationFn: appointAdministrator, onSuccess: (_list, { org }) => changed(org) });
}

export function useRemoveAdministrator() {
  const changed = useOrganizationChanged();
  return useMutation({ mutationFn: removeAdministrator, onSuccess: (_list, { org }) => changed(org) });
}

export function useOrganizationAssets(org: string) {
  return useInfiniteQuery(organizationAssetsQueryOptions(org));
}

export function useCreateAsset() {
  const changed = useOrganizationChanged();
  return useMutation({ mutationFn: createAsset, onSuccess: (asset) => changed(asset.organizationId) });
}

export function useUpdateAsset() {
  const changed = useOrganizationChanged();
  return useMutation({ mutationFn: updateAsset, onSuccess: (asset) => changed(asset.organizationId) });
}

export function useProducts() {
  return useQuery(productsQueryOptions);
}

export function useCreateProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProduct,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.products }),
  });
}

export function useUpdateProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProduct,
    // Assets show their product's name: every organization's lists may have changed.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.products }),
        queryClient.invalidateQueries({ queryKey: ['operator', 'organization'] }),
        queryClient.invalidateQueries({ queryKey: ['orgs'] }),
      ]),
  });
}

export function useRetireProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retireProduct,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.products }),
  });
}

export const termsQueryOptions = queryOptions({
  queryKey: keys.terms,
  queryFn: ({ signal }) => fetchTerms(signal),
});

export function useTerms() {
  return useQuery(termsQueryOptions);
}

export function useSaveTerms() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveTerms,
    onSuccess: (terms) => queryClient.setQueryData(keys.terms, terms),
  });
}

export function useOperators() {
  return useQuery(operatorsQueryOptions);
}

function useOperatorsChanged() {
  const queryClient = useQueryClient();
  return (list: OperatorList) => {
    queryClient.setQueryData(keys.operators, list);
    // Removing oneself ends one's own operator rights: the navigation must drop the Operator entry.
    return queryClient.invalidateQueries({ queryKey: meQueryKey });
  };
}

export function useGrantOperator() {
  const changed = useOperatorsChanged();
  return useMutation({ mutationFn: grantOperator, onSuccess: changed });
}

export function useRemoveOperator() {
  const changed = useOperatorsChanged();
  return useMutation({ mutationFn: removeOperator, onSuccess: changed });
}

export function useImportAssets() {
  const changed = useOrganizationChanged();
  // Any organization may have gained assets.
  return useMutation({ mutationFn: importAssets, onSuccess: () => changed() });
}
